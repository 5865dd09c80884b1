from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.fields import Clock, Id
from app.core.schema import write_config

View = Literal["staff", "school", "day"]


class VersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    week: str
    number: int
    status: Literal["draft", "published"]
    solve_id: int | None
    copied_from_id: int | None
    solver_status: str | None
    edits: int
    created_at: dt.datetime
    published_at: dt.datetime | None


class VisitOut(BaseModel):
    id: int
    staff_kind: Literal["squad", "teacher"]
    staff_id: int
    staff_code: str
    staff_name: str
    date: dt.date
    weekday: int = Field(description="ISO weekday, 1 = Monday")
    school_id: int
    school_code: str
    school_name: str
    need_id: int | None
    case_id: int | None
    case_code: str | None
    skill: str
    start: str
    end: str
    arrival: str
    travel_minutes: int = Field(description="drive from the previous stop or the base")
    sequence: int
    pinned: bool
    carried_over: bool = Field(description="makes up a session missed earlier in the term")
    forced_violations: list[dict[str, Any]]


class Group(BaseModel):
    key: str
    label: str
    visits: list[VisitOut]


class PlanOut(BaseModel):
    week: str
    version: VersionOut
    view: View
    visit_count: int
    groups: list[Group]


class KpisOut(BaseModel):
    week: str
    version: VersionOut
    kpis: dict[str, Any] = Field(description="as the solver computed them for this draft")
    sessions_placed_now: int = Field(description="counted from the visits, after hand edits")
    edited_since_solve: bool


class UnscheduledOut(BaseModel):
    week: str
    version: VersionOut
    items: list[dict[str, Any]]


class MovedOut(BaseModel):
    before: VisitOut
    after: VisitOut


class DiffOut(BaseModel):
    week: str
    version: VersionOut
    against: VersionOut | None = Field(description="the last published version, if any")
    added: list[VisitOut]
    removed: list[VisitOut]
    moved: list[MovedOut]
    unchanged: int


class PinBody(BaseModel):
    model_config = write_config({"pinned": True})

    pinned: bool


class MoveBody(BaseModel):
    model_config = write_config(
        {"staff_kind": "squad", "staff_id": 3, "date": "2026-11-24", "start": "09:30"}
    )

    staff_kind: Literal["squad", "teacher"] | None = Field(None, description="default: as now")
    staff_id: Id | None = Field(None, description="default: as now")
    date: dt.date | None = Field(None, description="a day of the same week; default: as now")
    start: Clock | None = Field(None, description="HH:MM; default: as now")
    force: bool = Field(False, description="apply even if the checker finds violations")


class Violation(BaseModel):
    kind: str
    where: str
    message: str
    message_en: str


class EditOut(BaseModel):
    version: VersionOut
    visit: VisitOut | None
    violations: list[Violation] = Field(default_factory=list)
