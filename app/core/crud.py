"""The generic service: list, get, create, update and delete for any :class:`Resource`.

Plain functions taking a session, as every concept's service is; routers stay HTTP-only.
Validation happens in two steps with one error shape: Pydantic checks each field, then
:func:`check_body` checks what needs the database (foreign keys, skills, unique codes) and
the resource's own cross-field rules. Nothing is written unless both pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import (
    ApiError,
    Problem,
    invalid,
    not_found,
    precondition_failed,
    problems_from_pydantic,
)
from app.core.models import Entity
from app.core.pagination import ListQuery, Page, list_page
from app.core.permissions import Access
from app.core.resource import Resource
from app.core.skills import unknown_skill_problems


def scoped(resource: Resource, access: Access) -> Any:
    statement = select(resource.model).where(resource.tenant_filter(access.county_id))
    principal = access.principal
    if principal is not None and principal.role == "staff" and resource.staff_scope is not None:
        statement = statement.where(resource.staff_scope(principal))
    return statement


def list_rows(session: Session, resource: Resource, access: Access, query: ListQuery) -> Page:
    return list_page(session, resource.model, scoped(resource, access), query, resource.read)


def get_row(session: Session, resource: Resource, access: Access, row_id: int) -> Entity:
    row = session.scalar(scoped(resource, access).where(resource.model.id == row_id))
    if row is None:
        raise not_found(resource.label.zh, resource.label.en)
    return row


def create_row(session: Session, resource: Resource, access: Access, body: BaseModel) -> Entity:
    data = body.model_dump()
    check_body(session, resource, access.county_id, data, None)
    row = resource.model(**data)
    if resource.tenant_column == "county_id":
        row.county_id = access.county_id  # type: ignore[attr-defined]
    session.add(row)
    session.commit()
    return row


def update_row(
    session: Session,
    resource: Resource,
    access: Access,
    row_id: int,
    patch: BaseModel,
    if_match: str | None,
) -> Entity:
    row = get_row(session, resource, access, row_id)
    require_version(row, if_match)
    current = {name: getattr(row, name) for name in resource.create.model_fields}
    merged = {**current, **patch.model_dump(exclude_unset=True)}
    # Re-validating the merged row keeps PATCH and POST under exactly the same rules.
    try:
        data = resource.create.model_validate(merged).model_dump()
    except ValidationError as error:
        raise invalid(problems_from_pydantic(error.errors(), ("body",))) from error
    check_body(session, resource, access.county_id, data, row.id)
    for name, value in data.items():
        setattr(row, name, value)
    session.commit()
    return row


def delete_row(
    session: Session, resource: Resource, access: Access, row_id: int, if_match: str | None
) -> None:
    row = get_row(session, resource, access, row_id)
    require_version(row, if_match)
    problems = []
    for dependent in resource.dependents:
        names = dependent.blockers(session, row)
        if names:
            shown = "、".join(names[:10]) + (" …" if len(names) > 10 else "")
            problems.append(
                Problem(
                    "dependents." + dependent.label.en.replace(" ", "_"),
                    f"仍有 {len(names)} 条{dependent.label.zh}引用它：{shown}",
                    f"{len(names)} {dependent.label.en} still refer to it: {shown}",
                )
            )
    if problems:
        raise ApiError(
            409,
            "has_dependents",
            f"无法删除该{resource.label.zh}：仍被其他数据引用",
            f"Cannot delete this {resource.label.en}: other rows depend on it",
            problems,
        )
    session.delete(row)
    session.commit()


def etag(row: Entity) -> str:
    return f'"{row.version}"'


def require_version(row: Entity, if_match: str | None) -> None:
    """Optimistic concurrency: a write naming a stale version is refused with 412."""
    if if_match is None or if_match.strip() == "*":
        return
    wanted = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if etag(row) not in wanted:
        raise precondition_failed()


def check_body(
    session: Session,
    resource: Resource,
    county_id: int | None,
    data: Mapping[str, Any],
    row_id: int | None,
) -> None:
    problems: list[Problem] = []
    for ref in resource.refs:
        value = data.get(ref.field)
        wanted = set(value if isinstance(value, list) else [] if value is None else [value])
        if not wanted:
            continue
        model: Any = ref.model
        found = set(
            session.scalars(
                select(model.id).where(model.id.in_(wanted), model.county_id == county_id)
            )
        )
        for missing in sorted(wanted - found):
            problems.append(
                Problem(
                    f"body.{ref.field}",
                    f"本县没有 id 为 {missing} 的{ref.label.zh}",
                    f"no {ref.label.en} with id {missing} in this county",
                )
            )
    problems += unknown_skill_problems(session, county_id, data, resource.skill_fields)
    if resource.check is not None:
        problems += resource.check(session, county_id, data, row_id)
    if problems:
        raise invalid(problems)
    duplicates = duplicate_code_problems(session, resource, county_id, data, row_id)
    if duplicates:
        raise ApiError(409, "duplicate_code", "编码重复", "Duplicate code", duplicates)


def duplicate_code_problems(
    session: Session,
    resource: Resource,
    county_id: int | None,
    data: Mapping[str, Any],
    row_id: int | None,
) -> list[Problem]:
    model: Any = resource.model
    code = data.get("code")
    if code is None or not hasattr(model, "code"):
        return []
    statement = select(func.count()).select_from(model).where(model.code == code)
    if resource.tenant_column == "county_id":
        statement = statement.where(model.county_id == county_id)
    if row_id is not None:
        statement = statement.where(model.id != row_id)
    if not session.scalar(statement):
        return []
    return [
        Problem(
            "body.code",
            f"编码 {code} 已被本县另一条{resource.label.zh}使用",
            f"code {code} is already used by another {resource.label.en}",
        )
    ]
