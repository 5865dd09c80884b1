"""Deleting a case deletes its code everywhere it was copied to.

Visits copy the case code in (so a plan stays readable after a need is deleted), a plan's
"left out" list names the case, and a solve's options may too. For a child the rule is the
opposite: once the case is deleted no trace of its code may remain. The visits keep their
place in the plan (the teacher still went there) but no longer say for whom.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, or_, select, update

from app.plans.models import PlanVersion, Visit
from app.solves.models import Solve

DELETED_CASE = "[已删除个案 deleted case]"


def forget_case(connection: Connection, county_id: int, case_id: int, code: str) -> None:
    connection.execute(
        update(Visit)
        .where(
            Visit.county_id == county_id,
            or_(Visit.case_id == case_id, Visit.case_code == code),
        )
        .values(case_code=None)
    )
    _scrub_json(connection, PlanVersion, ("unscheduled", "kpis"), county_id, code)
    _scrub_json(connection, Solve, ("options", "progress"), county_id, code)


def _scrub_json(
    connection: Connection, model: Any, columns: tuple[str, ...], county_id: int, code: str
) -> None:
    table = model.__table__
    rows = connection.execute(
        select(table.c.id, *(table.c[name] for name in columns)).where(
            table.c.county_id == county_id
        )
    )
    for row in rows.all():
        changed = {}
        for name in columns:
            value = getattr(row, name)
            cleaned = scrub(value, _pattern(code))
            if cleaned != value:
                changed[name] = cleaned
        if changed:
            connection.execute(update(table).where(table.c.id == row.id).values(**changed))


def _pattern(code: str) -> re.Pattern[str]:
    # Whole codes only: deleting C-1 must not touch C-10 (codes are letters, digits, dashes).
    return re.compile(rf"(?<![A-Za-z0-9-]){re.escape(code)}(?![A-Za-z0-9-])")


def scrub(value: Any, code: re.Pattern[str]) -> Any:
    """``value`` with the code replaced wherever it appears in a string or a key."""
    if isinstance(value, str):
        return code.sub(DELETED_CASE, value)
    if isinstance(value, dict):
        return {code.sub(DELETED_CASE, key): scrub(item, code) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, code) for item in value]
    return value
