from __future__ import annotations

from pydantic import BaseModel, Field

from app.squads.schemas import SquadOut
from app.teachers.schemas import TeacherOut
from app.vice_principals.schemas import VicePrincipalOut


class MeOut(BaseModel):
    role: str
    county_id: int | None
    staff_kind: str | None = None
    profile: SquadOut | TeacherOut | VicePrincipalOut | None = Field(
        None, description="the squad, teacher or vice-principal a staff token is bound to"
    )
