from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from app.core.fields import Id, Priority, Skill, Weekdays
from app.core.schema import CountyStored, write_config


class NeedIn(BaseModel):
    model_config = write_config(
        {
            "school_id": 3,
            "skill": "花样跳绳",
            "sessions_per_week": 1,
            "minutes": 60,
            "preferred_weekdays": [2, 4],
            "priority": 4,
            "valid_from": "2026-09-01",
            "valid_to": "2027-01-15",
        }
    )

    school_id: Id
    skill: Skill = Field(description="the activity, from the county's skill vocabulary")
    sessions_per_week: Annotated[int, Field(ge=1, le=10)] = 1
    minutes: Annotated[int, Field(ge=10, le=240)] = 60
    preferred_weekdays: Weekdays = Field(default_factory=list)
    priority: Priority = 3
    valid_from: date
    valid_to: date | None = None


class NeedOut(NeedIn, CountyStored):
    pass
