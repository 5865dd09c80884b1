from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.resource import Label, Ref, Resource, listed_in, referenced_by
from app.core.schema import patch_model
from app.posts.models import Post
from app.posts.schemas import PostIn, PostOut
from app.schools.models import School
from app.terms.models import Term
from app.vice_principals.models import VicePrincipal

POST = Label("岗位", "post")


def check_post(
    session: Session, _county_id: int | None, data: Mapping[str, Any], _row_id: int | None
) -> list[Problem]:
    # 挂职 sends a vice-principal to the countryside, 轮岗 brings one into town.
    kind = session.scalar(select(School.kind).where(School.id == data["host_school_id"]))
    if kind is None:
        return []
    if data["direction"] == "轮岗" and kind != "城区学校":
        return [
            Problem(
                "body.host_school_id",
                "轮岗岗位须设在城区学校",
                "a rotation post needs an urban host",
            )
        ]
    if data["direction"] == "挂职" and kind == "城区学校":
        return [
            Problem(
                "body.host_school_id",
                "挂职岗位须设在农村学校",
                "a secondment post needs a rural host",
            )
        ]
    return []


posts = Resource(
    path="posts",
    label=POST,
    model=Post,
    read=PostOut,
    create=PostIn,
    update=patch_model(PostIn),
    filters=("code", "term_id", "host_school_id", "direction", "phase"),
    searchable=("code",),
    refs=(
        Ref("term_id", Term, Label("学期", "term")),
        Ref("host_school_id", School, Label("学校", "school")),
    ),
    dependents=(
        referenced_by(VicePrincipal, "previous_post_id", Label("曾任副校长", "former holders")),
        listed_in(VicePrincipal, "preferences", Label("志愿副校长", "candidates preferring it")),
    ),
    check=check_post,
)
