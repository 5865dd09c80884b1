"""JSON in and out: a Week from a dict, a Plan to a dict, by walking the dataclass types.

One generic walker instead of hand-written converters keeps JSON and the dataclasses from
drifting apart; docs/schemas/ describes the same shapes for other tools.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from solver.week.instance import Week
from solver.week.plan import Plan

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """Dataclasses → dicts (properties of a Visit included), sets → sorted lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name, attr in vars(type(value)).items():
            if isinstance(attr, property):
                out[name] = to_json(getattr(value, name))
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset | set):
        return sorted(to_json(v) for v in value)
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    return value


def from_json(cls: Any, data: Any) -> Any:
    """Builds ``cls`` (a dataclass or a type hint) from parsed JSON, checking shapes."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        return None if data is None else from_json(options[0], data)
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(args[0], v) for v in data)
        return tuple(from_json(a, v) for a, v in zip(args, data, strict=True))
    if origin is frozenset:
        return frozenset(from_json(typing.get_args(cls)[0], v) for v in data)
    if dataclasses.is_dataclass(cls):
        build: Any = cls
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{build.__name__}: unknown fields {sorted(unknown)}")
        return build(**{k: from_json(hints[k], v) for k, v in data.items()})
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return cls(data)
    if cls is float and isinstance(data, int):
        return float(data)
    if cls in (int, float, str, bool) and not isinstance(data, cls):
        raise ValueError(f"expected {cls.__name__}, got {data!r}")
    return data


def load_week(path: str | Path) -> Week:
    week: Week = from_json(Week, json.loads(Path(path).read_text(encoding="utf-8")))
    return week


def dump_week(week: Week) -> str:
    return json.dumps(to_json(week), ensure_ascii=False, indent=1)


def dump_plan(plan: Plan) -> str:
    return json.dumps(to_json(plan), ensure_ascii=False, indent=1)


def load_plan(text: str) -> Plan:
    data = json.loads(text)
    for route in data.get("routes", []):
        for visit in route.get("visits", []):
            visit.pop("start", None)  # presented for readers, derived from the sessions
            visit.pop("end", None)
    plan: Plan = from_json(Plan, data)
    return plan
