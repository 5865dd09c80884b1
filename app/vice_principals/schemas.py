from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from app.core.fields import Code, Id, Ids, Name, Skill
from app.core.schema import CountyStored, write_config
from app.posts.schemas import Phase

Kilometres = Annotated[float, Field(ge=0, le=1000)]


class VicePrincipalIn(BaseModel):
    model_config = write_config(
        {
            "code": "VP01",
            "name": "李明",
            "home_school_id": 2,
            "phase": "primary",
            "subject": "数学",
            "years_of_service": 12,
            "commute_limit_km": 60,
            "max_distance_from_home_km": 80,
            "preferences": [3, 1, 7],
        }
    )

    code: Code
    name: Name
    home_school_id: Id
    phase: Phase
    subject: Skill
    years_of_service: Annotated[int, Field(ge=0, le=50)] = 0
    commute_limit_km: Kilometres = 60
    max_distance_from_home_km: Kilometres | None = Field(
        None, description="family constraint: farthest acceptable post from home"
    )
    preferences: Ids = Field(default_factory=list, description="post ids, most wanted first")
    previous_post_id: Id | None = None


class VicePrincipalOut(VicePrincipalIn, CountyStored):
    pass
