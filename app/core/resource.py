"""A :class:`Resource` describes one stored concept; the generic CRUD serves it.

Each concept's ``service.py`` declares one Resource (its model, schemas, filters, foreign
keys, dependents and extra checks) and its ``router.py`` asks :func:`app.core.crud_router`
for the routes, so the dozen concepts share one list/get/create/update/delete mechanism.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.models import Entity
from app.core.permissions import COUNTY_READ, COUNTY_WRITE, Rule
from app.core.security import Principal

# (session, county id, validated body, id of the row being updated or None) -> problems.
Check = Callable[[Session, int | None, Mapping[str, Any], int | None], list[Problem]]


@dataclass(frozen=True)
class Label:
    zh: str
    en: str


@dataclass(frozen=True)
class Ref:
    """A body field holding the id (or list of ids) of another row of the same county."""

    field: str
    model: type[Entity]
    label: Label


@dataclass(frozen=True)
class Dependent:
    """Rows that would be left dangling by a delete; ``blockers`` names them."""

    label: Label
    blockers: Callable[[Session, Entity], list[str]]


def referenced_by(model: type[Entity], column: str, label: Label) -> Dependent:
    """Rows of ``model`` whose ``column`` points at the row being deleted."""

    def blockers(session: Session, row: Entity) -> list[str]:
        rows = session.scalars(select(model).where(getattr(model, column) == row.id)).all()
        return [describe(found) for found in rows]

    return Dependent(label, blockers)


def listed_in(model: type[Entity], column: str, label: Label) -> Dependent:
    """Rows of ``model`` whose JSON id list ``column`` contains the row being deleted.

    Filtered in Python: JSON containment differs between SQLite and PostgreSQL, and a
    county holds at most a few hundred such rows.
    """

    def blockers(session: Session, row: Entity) -> list[str]:
        county_id = getattr(row, "county_id", None)
        owner: ColumnElement[Any] = cast(Any, model).county_id
        rows = session.scalars(select(model).where(owner == county_id)).all()
        return [describe(found) for found in rows if row.id in (getattr(found, column) or [])]

    return Dependent(label, blockers)


def describe(row: Entity) -> str:
    code = getattr(row, "code", None)
    name = getattr(row, "name", None)
    return " ".join(str(part) for part in (code, name) if part) or f"#{row.id}"


@dataclass(frozen=True)
class Rules:
    read: Rule = COUNTY_READ
    create: Rule = COUNTY_WRITE
    update: Rule = COUNTY_WRITE
    delete: Rule = COUNTY_WRITE


@dataclass(frozen=True)
class Resource:
    path: str
    label: Label
    model: type[Entity]
    read: type[BaseModel]
    create: type[BaseModel]
    update: type[BaseModel]
    filters: Sequence[str] = ()
    searchable: Sequence[str] = ("code", "name")
    refs: Sequence[Ref] = ()
    skill_fields: Sequence[str] = ()
    dependents: Sequence[Dependent] = ()
    check: Check | None = None
    rules: Rules = field(default_factory=Rules)
    # The column that holds the tenant: county_id for most rows, id for counties.
    tenant_column: str = "county_id"
    # Narrows what a staff token sees (e.g. a teacher's own cases); None = nothing extra.
    staff_scope: Callable[[Principal], ColumnElement[bool]] | None = None

    def tenant_filter(self, county_id: int | None) -> ColumnElement[bool]:
        if county_id is None:
            return true()
        column: ColumnElement[Any] = getattr(self.model, self.tenant_column)
        return column == county_id
