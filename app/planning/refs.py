"""How database rows are named inside a solver instance, and back.

The solver speaks in string ids; the instance uses the county's own codes (readable in
``docs/examples/demo-week.json``) with a prefix where two tables could share a code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StaffKind = Literal["squad", "teacher"]


@dataclass(frozen=True, slots=True)
class StaffRef:
    kind: StaffKind
    id: int


@dataclass(frozen=True, slots=True)
class DemandRef:
    """A need (any qualified staff) or a case (its own teacher only)."""

    kind: Literal["need", "case"]
    id: int


def staff_key(kind: StaffKind, code: str) -> str:
    return f"{kind}:{code}"


def base_key(staff: str) -> str:
    return f"base:{staff}"


def need_key(need_id: int) -> str:
    return f"need-{need_id}"
