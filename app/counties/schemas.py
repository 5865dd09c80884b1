from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.fields import Code, Name, Skills
from app.core.schema import Stored, write_config

EXAMPLE = {
    "code": "QCX",
    "name": "祁川县",
    "skills": ["合唱", "花样跳绳", "书法", "篮球", "舞蹈", "美术", "心理辅导"],
    "pairing_mode": "soft",
    "detour_factor": 1.35,
    "road_speed_kmh": 45,
}


class CountyIn(BaseModel):
    model_config = write_config(EXAMPLE)

    code: Code
    name: Name
    skills: Skills = Field(default_factory=list, description="the county's skill vocabulary")
    pairing_mode: Literal["hard", "soft"] = Field(
        "soft", description="hard: squads only visit paired townships; soft: a preference"
    )
    detour_factor: Annotated[float, Field(ge=1, le=3)] = 1.3
    road_speed_kmh: Annotated[float, Field(ge=5, le=120)] = 40
    travel_provider: Literal["great_circle", "osrm"] = Field(
        "great_circle", description="great_circle: distance × detour ÷ speed; osrm: osrm_url"
    )
    osrm_url: Annotated[str, Field(max_length=200, pattern=r"^https?://\S+$")] | None = Field(
        None, description="an OSRM-compatible server, e.g. http://osrm:5000 (its /table/v1)"
    )
    travel_fallback: bool = Field(
        True, description="if the OSRM server fails: true = use great circle, false = fail"
    )


class CountyOut(CountyIn, Stored):
    pass
