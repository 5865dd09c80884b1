from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.cases.privacy import no_personal_data
from app.core.fields import Id
from app.core.schema import CountyStored, write_config

CATEGORIES = ("留守儿童", "学业压力", "情绪困扰", "行为问题", "家庭变故", "其他")

CaseCode = Annotated[
    str,
    no_personal_data(),
    Field(
        min_length=2,
        max_length=32,
        pattern=r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$",
        description="pseudonymous code, letters/digits/dashes, e.g. C-0001",
    ),
]
Category = Annotated[
    Literal["留守儿童", "学业压力", "情绪困扰", "行为问题", "家庭变故", "其他"],
    no_personal_data(CATEGORIES),
]


class CaseIn(BaseModel):
    model_config = write_config(
        {
            "code": "C-0001",
            "school_id": 3,
            "teacher_id": 1,
            "category": "留守儿童",
            "sessions_per_week": 1,
            "minutes": 40,
            "active": True,
        }
    )

    code: CaseCode
    school_id: Id
    teacher_id: Id = Field(description="the psychology teacher; a case stays with them")
    category: Category = "其他"
    sessions_per_week: Annotated[int, Field(ge=1, le=5)] = 1
    minutes: Annotated[int, Field(ge=10, le=120)] = 40
    active: bool = True


class CaseOut(CaseIn, CountyStored):
    pass
