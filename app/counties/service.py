from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cases.models import Case
from app.closures.models import Closure
from app.core.errors import Problem
from app.core.permissions import ADMIN, COUNTY_SELF
from app.core.resource import Label, Resource, Rules, referenced_by
from app.core.schema import patch_model
from app.counties.models import County
from app.counties.schemas import CountyIn, CountyOut
from app.needs.models import Need
from app.posts.models import Post
from app.schools.models import School
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.terms.models import Term
from app.tokens.models import ApiToken
from app.townships.models import Township
from app.vice_principals.models import VicePrincipal

# Deleting a county is refused while anything still lives in it.
_CONTENTS = (
    (Township, Label("乡镇", "townships")),
    (School, Label("学校", "schools")),
    (Squad, Label("小分队", "squads")),
    (Teacher, Label("教师", "teachers")),
    (Case, Label("个案", "cases")),
    (Need, Label("需求", "needs")),
    (Term, Label("学期", "terms")),
    (Post, Label("岗位", "posts")),
    (VicePrincipal, Label("副校长", "vice_principals")),
    (Closure, Label("停课日", "closures")),
    (ApiToken, Label("令牌", "tokens")),
)


def check_county(
    session: Session, _county_id: int | None, data: Mapping[str, Any], row_id: int | None
) -> list[Problem]:
    """A skill may leave the vocabulary only when no squad, teacher or need still uses it."""
    if row_id is None:
        return []
    used: set[str] = set()
    for skills in session.scalars(select(Squad.skills).where(Squad.county_id == row_id)):
        used.update(skills)
    for skills in session.scalars(select(Teacher.skills).where(Teacher.county_id == row_id)):
        used.update(skills)
    used.update(session.scalars(select(Need.skill).where(Need.county_id == row_id)))
    still_used = sorted(used - set(data["skills"]))
    if not still_used:
        return []
    names = "、".join(still_used)
    return [
        Problem(
            "body.skills",
            f"以下技能仍被小分队、教师或需求使用，不能移除：{names}",
            f"still used by squads, teachers or needs, cannot be removed: {names}",
        )
    ]


counties = Resource(
    path="counties",
    label=Label("县", "county"),
    model=County,
    read=CountyOut,
    create=CountyIn,
    update=patch_model(CountyIn),
    filters=("code",),
    dependents=tuple(referenced_by(model, "county_id", label) for model, label in _CONTENTS),
    rules=Rules(read=COUNTY_SELF, create=ADMIN, update=COUNTY_SELF, delete=ADMIN),
    check=check_county,
    tenant_column="id",
)
