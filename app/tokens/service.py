"""Issuing and revoking tokens; used by both the CLI and the admin API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ApiError, Problem, invalid, not_found
from app.core.security import STAFF_KINDS, Role, StaffKind, hash_secret, new_secret
from app.counties.models import County
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.tokens.models import ApiToken
from app.tokens.schemas import TokenCreated, TokenOut
from app.vice_principals.models import VicePrincipal

STAFF_MODELS: dict[StaffKind, Any] = {
    "squad": Squad,
    "teacher": Teacher,
    "vice_principal": VicePrincipal,
}


def issue(
    session: Session,
    role: Role,
    county_id: int | None = None,
    staff_kind: StaffKind | None = None,
    staff_id: int | None = None,
    label: str = "",
) -> TokenCreated:
    problems = _binding_problems(session, role, county_id, staff_kind, staff_id)
    if problems:
        raise invalid(problems)
    secret = new_secret()
    token = ApiToken(secret_sha256=hash_secret(secret), role=role, county_id=county_id, label=label)
    if staff_kind is not None:
        setattr(token, f"{staff_kind}_id", staff_id)
    session.add(token)
    session.commit()
    return TokenCreated(**describe(token).model_dump(), secret=secret)


def _binding_problems(
    session: Session,
    role: Role,
    county_id: int | None,
    staff_kind: StaffKind | None,
    staff_id: int | None,
) -> list[Problem]:
    if role == "admin":
        if county_id is not None or staff_kind is not None:
            return [
                Problem("body.county_id", "管理员令牌不属于任何县", "an admin token has no county")
            ]
        return []
    if county_id is None or session.get(County, county_id) is None:
        return [Problem("body.county_id", "须指定存在的县", "an existing county is required")]
    if role == "coordinator":
        if staff_kind is not None:
            return [
                Problem(
                    "body.staff_kind", "协调员令牌不绑定人员", "a coordinator token binds no person"
                )
            ]
        return []
    model = STAFF_MODELS.get(staff_kind) if staff_kind else None
    row = session.get(model, staff_id) if model is not None and staff_id is not None else None
    if row is None or row.county_id != county_id:
        return [
            Problem(
                "body.staff_id",
                "工作人员令牌须绑定本县的一个小分队、教师或副校长",
                "a staff token is bound to one squad, teacher or vice-principal of the county",
            )
        ]
    return []


def describe(token: ApiToken) -> TokenOut:
    kind = next((k for k in STAFF_KINDS if getattr(token, f"{k}_id") is not None), None)
    return TokenOut(
        id=token.id,
        role=token.role,
        county_id=token.county_id,
        staff_kind=kind,
        staff_id=getattr(token, f"{kind}_id") if kind else None,
        label=token.label,
        created_at=token.created_at,
        revoked_at=token.revoked_at,
    )


def list_tokens(session: Session) -> list[TokenOut]:
    return [describe(t) for t in session.scalars(select(ApiToken).order_by(ApiToken.id))]


def revoke(session: Session, token_id: int) -> TokenOut:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise not_found("令牌", "token")
    if token.revoked_at is None:
        token.revoked_at = datetime.now(UTC)
        session.commit()
    return describe(token)


def find_staff(session: Session, county_id: int, kind: StaffKind, code: str) -> int:
    """The id of the squad/teacher/vice-principal with ``code`` (for the CLI's --staff)."""
    model = STAFF_MODELS[kind]
    found = session.scalar(select(model.id).where(model.county_id == county_id, model.code == code))
    if found is None:
        raise ApiError(
            404, "not_found", f"本县没有编码为 {code} 的人员", f"no {kind} {code} in county"
        )
    return int(found)
