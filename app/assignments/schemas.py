from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.fields import Id
from app.core.schema import write_config


class SchoolPlace(BaseModel):
    id: int
    code: str
    name: str
    address: str
    latitude: float
    longitude: float


class Assignment(BaseModel):
    key: str = Field(description="stable across versions: the same session keeps its key")
    date: dt.date
    weekday: int
    start: str
    end: str
    arrival: str
    school: SchoolPlace
    activity: str = Field(description="the skill, or 心理辅导 for a case session")
    case_code: str | None = Field(None, description="a psychology teacher's own case only")
    travel_minutes: int
    travel_hint: str
    sequence: int
    carried_over: bool


class AssignmentsOut(BaseModel):
    week: str
    version: int | None = Field(description="the published version these come from")
    published_at: dt.datetime | None
    since: int | None = None
    items: list[Assignment]
    removed: list[str] = Field(
        default_factory=list, description="with ?since=: keys of sessions no longer planned"
    )


StaffKindName = Literal["squad", "teacher", "vice_principal"]


class FeedCreate(BaseModel):
    model_config = write_config({"staff_kind": "teacher", "staff_id": 5, "label": "手机日历"})

    staff_kind: StaffKindName | None = Field(None, description="coordinators: whose calendar")
    staff_id: Id | None = None
    label: str = Field("", max_length=100)


class FeedOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    staff_kind: StaffKindName
    staff_id: int
    label: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class FeedCreated(FeedOut):
    secret: str = Field(description="shown once; only its hash is stored")
    url: str
