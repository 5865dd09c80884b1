"""Cross-field rules shared by several resources, returning :class:`Problem` lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.fields import minutes_of
from app.core.resource import Check


def in_order(
    data: Mapping[str, Any],
    fields: Sequence[str],
    strict: bool = True,
    key: Callable[[Any], Any] = lambda value: value,
) -> list[Problem]:
    """Each present field must come after the previous one (times of day, dates)."""
    present = [name for name in fields if data.get(name) is not None]
    problems = []
    for earlier, later in pairwise(present):
        a, b = key(data[earlier]), key(data[later])
        if a > b or (strict and a == b):
            relation_zh = "晚于" if strict else "不早于"
            relation_en = "after" if strict else "on or after"
            problems.append(
                Problem(
                    f"body.{later}",
                    f"{later} 必须{relation_zh} {earlier}",
                    f"{later} must be {relation_en} {earlier}",
                )
            )
    return problems


def clock_order(data: Mapping[str, Any], fields: Sequence[str]) -> list[Problem]:
    return in_order(data, fields, strict=True, key=minutes_of)


def dates_in_order(*fields: str, strict: bool) -> Check:
    """A resource check: the named dates never run backwards (e.g. start ≤ end)."""

    def check(
        _session: Session, _county_id: int | None, data: Mapping[str, Any], _row_id: int | None
    ) -> list[Problem]:
        return in_order(data, fields, strict=strict)

    return check
