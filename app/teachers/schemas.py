from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from app.core.fields import Code, Id, Name
from app.core.schema import CountyStored, write_config
from app.core.visiting import VisitorFields

TeacherRole = Annotated[
    Literal["psychology", "studio", "backbone"],
    Field(description="psychology 心理健康教师 | studio 名师工作室 | backbone 骨干教师"),
]

EXAMPLE = {
    "code": "PT01",
    "name": "王静",
    "role": "psychology",
    "skills": ["心理辅导"],
    "base_latitude": 38.93,
    "base_longitude": 100.45,
    "availability": [{"weekday": 3, "start": "08:00", "end": "17:30"}],
    "max_work_minutes": 420,
    "max_travel_minutes": 150,
}


class TeacherIn(VisitorFields):
    model_config = write_config(EXAMPLE)

    code: Code
    name: Name
    role: TeacherRole
    base_school_id: Id | None = None


class TeacherOut(TeacherIn, CountyStored):
    pass
