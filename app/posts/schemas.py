from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.fields import Code, Id, Priority, Skill, chinese_choice
from app.core.schema import CountyStored, write_config

Direction = Annotated[
    Literal["挂职", "轮岗"],
    chinese_choice({"secondment": "挂职", "rotation": "轮岗"}),
    Field(description="挂职 (secondment, rural host) | 轮岗 (rotation, urban host)"),
]
Phase = Annotated[Literal["primary", "middle"], Field(description="primary 小学 | middle 初中")]
Subjects = Annotated[list[Skill], Field(max_length=10)]


class PostIn(BaseModel):
    model_config = write_config(
        {
            "code": "P2026-01",
            "term_id": 1,
            "host_school_id": 12,
            "direction": "挂职",
            "phase": "primary",
            "seats": 1,
            "wanted_subjects": ["数学"],
            "priority": 4,
        }
    )

    code: Code
    term_id: Id
    host_school_id: Id
    direction: Direction
    phase: Phase
    seats: Annotated[int, Field(ge=1, le=10)] = 1
    wanted_subjects: Subjects = Field(default_factory=list)
    priority: Priority = 3


class PostOut(PostIn, CountyStored):
    pass
