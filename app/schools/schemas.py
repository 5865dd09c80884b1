from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.fields import Clock, Code, Id, Latitude, Longitude, Name, Weekdays, chinese_choice
from app.core.schema import CountyStored, write_config

KIND_ALIASES = {
    "teaching_point": "教学点",
    "village_primary": "村小",
    "township_central": "中心校",
    "middle_school": "初中",
    "urban": "城区学校",
}
SchoolKind = Annotated[
    Literal["教学点", "村小", "中心校", "初中", "城区学校"],
    chinese_choice(KIND_ALIASES),
    Field(description="教学点 | 村小 | 中心校 | 初中 | 城区学校 (English aliases accepted)"),
]
Pupils = Annotated[int, Field(ge=0, le=10000)]

EXAMPLE = {
    "code": "S0103",
    "name": "红柳滩镇东湾教学点",
    "kind": "教学点",
    "township_id": 1,
    "latitude": 39.14,
    "longitude": 100.18,
    "address": "红柳滩镇东湾村二社",
    "pupils": 18,
    "left_behind_pupils": 9,
    "day_start": "08:30",
    "day_end": "17:00",
    "lunch_start": "12:00",
    "lunch_end": "14:00",
    "closed_weekdays": [6, 7],
}


class SchoolIn(BaseModel):
    model_config = write_config(EXAMPLE)

    code: Code
    name: Name
    kind: SchoolKind
    township_id: Id
    latitude: Latitude
    longitude: Longitude
    address: Annotated[str, Field(max_length=200)] = ""
    pupils: Pupils = 0
    left_behind_pupils: Pupils = Field(0, description="留守儿童 among the pupils")
    day_start: Clock = "08:00"
    day_end: Clock = "17:30"
    lunch_start: Clock = "12:00"
    lunch_end: Clock = "14:00"
    closed_weekdays: Weekdays = Field(default_factory=lambda: [6, 7])
    paired_school_id: Id | None = Field(None, description="城乡对口学校: the twinned school")


class SchoolOut(SchoolIn, CountyStored):
    pass
