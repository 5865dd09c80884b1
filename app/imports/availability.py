"""The availability sheet: one row per weekly window, replacing each named person's windows.

Every squad or teacher named in the sheet gets exactly the windows the sheet lists for them
(sorted by weekday and start); people the sheet does not name keep theirs. The windows are
validated by the owner's own create schema (``Slot``: weekday 1–7, start before end), so
the rules are the API's. Counts are per person.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.resource import Resource
from app.imports.columns import AVAILABILITY_OWNERS, SheetSpec
from app.imports.layout import Layout
from app.imports.problems import rows_invalid
from app.imports.rows import BLANK, RowContext, read_row, snapshot, validate
from app.imports.upsert import Counts

SLOT_FIELDS = ("weekday", "start", "end")


def import_availability(
    session: Session, county_id: int | None, spec: SheetSpec, layout: Layout, dry_run: bool
) -> Counts:
    context = RowContext(spec, layout)
    owners: dict[str, list[tuple[Any, Resource]]] = defaultdict(list)
    for owner_model, owner_resource in AVAILABILITY_OWNERS:
        table: Any = owner_model
        for found in session.scalars(select(table).where(table.county_id == county_id)):
            owners[found.code].append((found, owner_resource))
    problems: list[Problem] = []
    windows: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for number, cells in layout.rows:
        row = read_row(context, number, cells)
        code = row.values.get("staff_code", BLANK)
        found = owners.get(code) if code is not BLANK else None
        if code is BLANK:
            row.problems.append(context.problem(number, "staff_code", "缺少必填字段", "missing"))
        elif not found:
            row.problems.append(
                context.problem(
                    number,
                    "staff_code",
                    f"本县没有代码为 {code} 的小分队或教师",
                    f"no squad or teacher with code {code} in this county",
                )
            )
        elif len(found) > 1:
            row.problems.append(
                context.problem(
                    number,
                    "staff_code",
                    f"代码 {code} 既是小分队又是教师，请先改用不同的代码",
                    f"code {code} names both a squad and a teacher; give them distinct codes",
                )
            )
        problems += row.problems
        if not row.problems:
            slot = {
                name: row.values[name]
                for name in SLOT_FIELDS
                if row.values.get(name, BLANK) is not BLANK
            }
            windows[code].append((number, slot))
    counts = Counts(rows=len(layout.rows))
    changes: list[tuple[Any, list[dict[str, Any]]]] = []
    for code, listed in windows.items():
        owner, resource = owners[code][0]
        current = snapshot(owner, resource.create)
        data, error = validate(resource.create, {**current, "availability": [s for _, s in listed]})
        if error is not None:
            numbers = [number for number, _ in listed]
            problems += context.pydantic(numbers[0], error, numbers)
            continue
        assert data is not None
        wanted = sorted(data["availability"], key=lambda s: (s["weekday"], s["start"]))
        if wanted == current["availability"]:
            counts.unchanged += 1
        else:
            counts.updated += 1
            changes.append((owner, wanted))
    if problems:
        raise rows_invalid(problems, layout.warnings)
    if not dry_run:
        for owner, wanted in changes:
            owner.availability = wanted
        session.commit()
    return counts
