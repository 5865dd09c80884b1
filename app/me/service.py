from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import not_found
from app.core.security import Principal
from app.me.schemas import MeOut
from app.squads.schemas import SquadOut
from app.teachers.schemas import TeacherOut
from app.tokens.service import STAFF_MODELS
from app.vice_principals.schemas import VicePrincipalOut

_PROFILES: dict[str, type[SquadOut | TeacherOut | VicePrincipalOut]] = {
    "squad": SquadOut,
    "teacher": TeacherOut,
    "vice_principal": VicePrincipalOut,
}


def who_am_i(session: Session, principal: Principal) -> MeOut:
    kind = principal.staff_kind
    profile = None
    if kind is not None:
        row = session.get(STAFF_MODELS[kind], principal.staff_id)
        if row is None:
            raise not_found("人员", "person")
        profile = _PROFILES[kind].model_validate(row)
    return MeOut(
        role=principal.role, county_id=principal.county_id, staff_kind=kind, profile=profile
    )
