"""Bearer tokens: who is calling (a :class:`Principal`)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.tokens.models import ApiToken

Role = Literal["admin", "coordinator", "staff"]
StaffKind = Literal["squad", "teacher", "vice_principal"]
ROLES: tuple[Role, ...] = ("admin", "coordinator", "staff")
STAFF_KINDS: tuple[StaffKind, ...] = ("squad", "teacher", "vice_principal")

# The prefix makes a leaked token easy to recognise by secret scanners.
TOKEN_PREFIX = "yj_"


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    token_id: int
    role: Role
    county_id: int | None
    staff_kind: StaffKind | None = None
    staff_id: int | None = None


def principal_for(session: Session, secret: str) -> Principal | None:
    token = session.scalar(
        select(ApiToken).where(
            ApiToken.secret_sha256 == hash_secret(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None:
        return None
    kind: StaffKind | None = None
    staff_id: int | None = None
    for candidate in STAFF_KINDS:
        bound = getattr(token, f"{candidate}_id")
        if bound is not None:
            kind, staff_id = candidate, bound
    # The table's CHECK constraint guarantees the role is one of ROLES.
    return Principal(token.id, cast(Role, token.role), token.county_id, kind, staff_id)
