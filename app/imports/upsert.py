"""Upsert one sheet of a stored concept (townships, schools, squads, teachers, cases, needs).

The service's own rules decide what is valid: each row is validated by the resource's create
schema (the body of POST) and its ``check``; skills by the service's vocabulary check. What
:func:`app.core.crud.check_body` would ask the database row by row is answered from tables
loaded once (codes → ids, existing rows by key), so a 5,000-row sheet costs a handful of
queries, then one flush and one commit. Nothing is written unless every row passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.models import Entity
from app.core.resource import Resource
from app.core.skills import unknown_skill_problems
from app.imports.columns import SheetSpec
from app.imports.layout import Layout
from app.imports.problems import rows_invalid
from app.imports.rows import (
    RowContext,
    RowValues,
    code_maps,
    merged,
    read_row,
    resolve_references,
    validate,
)


@dataclass
class Counts:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Stored:
    """A row already in the county: its id and its create-schema fields, read as plain
    values (no ORM objects), so a re-import of an unchanged sheet loads nothing heavier."""

    id: int
    data: dict[str, Any]


@dataclass
class Planned:
    row: RowValues
    data: dict[str, Any]
    existing: Stored | None
    changed: bool
    pending: dict[str, str] = field(default_factory=dict)


def import_resource(
    session: Session, county_id: int | None, spec: SheetSpec, layout: Layout, dry_run: bool
) -> Counts:
    resource = spec.resource
    assert resource is not None, "availability has its own importer"
    context = RowContext(spec, layout)
    model: Any = resource.model
    existing = {_key(spec, row.data): row for row in _stored(session, county_id, resource)}
    maps = code_maps(session, county_id, [p.column for p in layout.placed])
    rows = [read_row(context, number, cells) for number, cells in layout.rows]
    new_codes = {
        row.values["code"]
        for row in rows
        if isinstance(row.values.get("code"), str) and row.values["code"] not in maps.get(model, {})
    }
    problems: list[Problem] = []
    planned: list[Planned] = []
    first_row_of: dict[tuple[Any, ...], int] = {}
    skills = SkillCheck(session, county_id, resource, context)
    for row in rows:
        resolve_references(context, row, maps, new_codes)
        plan = _plan(session, county_id, resource, spec, context, row, existing, skills)
        problems += row.problems
        if plan is None:
            continue
        key = _key(spec, plan.data)
        if key in first_row_of:
            problems.append(
                context.problem(
                    row.number,
                    spec.key[0],
                    f"与第 {first_row_of[key]} 行重复（同一条记录出现两次）",
                    f"repeats row {first_row_of[key]} (the same record twice)",
                )
            )
            continue
        first_row_of[key] = row.number
        planned.append(plan)
    if problems:
        raise rows_invalid(problems, layout.warnings)
    counts = Counts(
        rows=len(rows),
        created=sum(1 for p in planned if p.existing is None),
        updated=sum(1 for p in planned if p.existing is not None and p.changed),
        unchanged=sum(1 for p in planned if p.existing is not None and not p.changed),
    )
    if not dry_run:
        _write(session, county_id, resource, planned)
    return counts


def _stored(session: Session, county_id: int | None, resource: Resource) -> list[Stored]:
    table: Any = resource.model.__table__
    names = list(resource.create.model_fields)
    found = session.execute(
        select(table.c.id, *(table.c[name] for name in names)).where(table.c.county_id == county_id)
    )
    return [Stored(row[0], dict(zip(names, row[1:], strict=True))) for row in found]


def _key(spec: SheetSpec, data: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(data.get(name) for name in spec.key)


def _plan(
    session: Session,
    county_id: int | None,
    resource: Resource,
    spec: SheetSpec,
    context: RowContext,
    row: RowValues,
    existing: dict[tuple[Any, ...], Stored],
    skills: SkillCheck,
) -> Planned | None:
    # The key decides which stored row (if any) this one updates; cells were already
    # normalised (dates, codes), and a key the schema still changes is looked up again.
    current = existing.get(_key(spec, row.values))
    data, error = _validated(resource, row, current)
    if data is not None and current is None and _key(spec, data) in existing:
        current = existing[_key(spec, data)]
        data, error = _validated(resource, row, current)
    if error is not None:
        row.problems += context.pydantic(row.number, error)
        return None
    assert data is not None
    before = current.data if current is not None else {}
    row.problems += skills.problems(row.number, data)
    if row.problems:
        return None
    if resource.check is not None:
        own = resource.check(session, county_id, data, current.id if current else None)
        row.problems += context.checked(row.number, own)
    for target, code in row.pending.items():
        if code == data.get("code"):
            row.problems.append(
                context.problem(row.number, target, "不能与自身结对", "cannot pair with itself")
            )
    if row.problems:
        return None
    changed = data != before or bool(row.pending)
    return Planned(row, data, current, changed, dict(row.pending))


def _validated(
    resource: Resource, row: RowValues, current: Stored | None
) -> tuple[dict[str, Any] | None, ValidationError | None]:
    before = current.data if current is not None else {}
    return validate(resource.create, merged(before, row.values))


class SkillCheck:
    """The service's vocabulary check, asked once per distinct skill rather than per row."""

    def __init__(
        self, session: Session, county_id: int | None, resource: Resource, context: RowContext
    ) -> None:
        self.session = session
        self.county_id = county_id
        self.fields = resource.skill_fields
        self.context = context
        self.verdicts: dict[tuple[str, str], list[Problem]] = {}

    def problems(self, row: int, data: dict[str, Any]) -> list[Problem]:
        found: list[Problem] = []
        for name in self.fields:
            value = data.get(name)
            for skill in value if isinstance(value, list) else [value]:
                if skill is None:
                    continue
                if (name, skill) not in self.verdicts:
                    self.verdicts[(name, skill)] = unknown_skill_problems(
                        self.session, self.county_id, {name: skill}, (name,)
                    )
                found += self.context.checked(row, self.verdicts[(name, skill)])
        return found


def _write(
    session: Session, county_id: int | None, resource: Resource, planned: Sequence[Planned]
) -> None:
    """Changed rows through the ORM (it bumps their version, the ETag); new rows in one
    multi-row INSERT, at version 1 as the ORM would create them."""
    table: Any = resource.model.__table__
    fresh = [
        {**plan.data, "county_id": county_id, "version": 1}
        for plan in planned
        if plan.existing is None
    ]
    model: Any = resource.model
    changed = {plan.existing.id: plan for plan in planned if plan.existing and plan.changed}
    loaded: dict[int, Entity] = {}
    if changed:
        loaded = {
            row.id: row for row in session.scalars(select(model).where(model.id.in_(changed)))
        }
    for row_id, plan in changed.items():
        for name, value in plan.data.items():
            if getattr(loaded[row_id], name) != value:
                setattr(loaded[row_id], name, value)
    session.flush()
    if fresh:
        session.execute(insert(table), fresh)
    pending = [plan for plan in planned if plan.pending]
    if pending:
        _link_same_sheet(session, county_id, table, pending, loaded)
    session.commit()


def _link_same_sheet(
    session: Session,
    county_id: int | None,
    table: Any,
    pending: Sequence[Planned],
    loaded: dict[int, Entity],
) -> None:
    """References to rows this sheet created (a school's 对口学校), now that they have ids."""
    found = session.execute(select(table.c.code, table.c.id).where(table.c.county_id == county_id))
    ids: dict[str, int] = {code: row_id for code, row_id in found}
    for plan in pending:
        values = {target: ids[code] for target, code in plan.pending.items()}
        if plan.existing is not None:
            for target, value in values.items():
                setattr(loaded[plan.existing.id], target, value)
        else:
            own_id = ids[plan.data["code"]]
            session.execute(update(table).where(table.c.id == own_id).values(**values))
    session.flush()
