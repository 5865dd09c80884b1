from __future__ import annotations

from typing import Annotated

from pydantic import Field

from app.core.fields import Code, Ids, Name
from app.core.schema import CountyStored, write_config
from app.core.visiting import VisitorFields

EXAMPLE = {
    "code": "SQ01",
    "name": "县一小合唱小分队",
    "skills": ["合唱", "音乐"],
    "members": 4,
    "base_latitude": 38.93,
    "base_longitude": 100.45,
    "paired_township_ids": [1],
    "availability": [
        {"weekday": 2, "start": "08:00", "end": "17:30"},
        {"weekday": 4, "start": "13:00", "end": "17:30"},
    ],
    "max_work_minutes": 420,
    "max_travel_minutes": 180,
    "lunch_minutes": 60,
}


class SquadIn(VisitorFields):
    model_config = write_config(EXAMPLE)

    code: Code
    name: Name
    members: Annotated[int, Field(ge=1, le=50)] = 1
    paired_township_ids: Ids = Field(default_factory=list, description="对接乡镇 (township ids)")


class SquadOut(SquadIn, CountyStored):
    pass
