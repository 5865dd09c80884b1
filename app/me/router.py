"""``/api/v1/me``: the caller's own view.

The staff assignments feed (``GET /api/v1/me/assignments``: this week's visits for the
squad/teacher/vice-principal the token is bound to) belongs in this router once the weekly
solve lands; it reuses the SIGNED_IN rule and the principal's staff binding.
"""

from typing import Annotated

from fastapi import APIRouter, Depends

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.permissions import SIGNED_IN, Access
from app.me.schemas import MeOut
from app.me.service import who_am_i

router = APIRouter(prefix="/api/v1/me", tags=["me"], responses=ERRORS)


@router.get("", summary="Who the token belongs to, with the staff member's profile")
def read_me(session: SessionDep, access: Annotated[Access, Depends(SIGNED_IN)]) -> MeOut:
    assert access.principal is not None  # SIGNED_IN never lets anonymous callers through
    return who_am_i(session, access.principal)
