from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.cases.models import Case
from app.core.checks import clock_order
from app.core.errors import Problem
from app.core.resource import Label, Ref, Resource, referenced_by
from app.core.schema import patch_model
from app.needs.models import Need
from app.posts.models import Post
from app.schools.models import School
from app.schools.schemas import SchoolIn, SchoolOut
from app.teachers.models import Teacher
from app.townships.models import Township
from app.townships.service import TOWNSHIP
from app.vice_principals.models import VicePrincipal

SCHOOL = Label("学校", "school")


def check_school(
    _session: Session, _county_id: int | None, data: Mapping[str, Any], row_id: int | None
) -> list[Problem]:
    # The lunch break sits inside the school day.
    problems = clock_order(data, ("day_start", "lunch_start", "lunch_end", "day_end"))
    if data["left_behind_pupils"] > data["pupils"]:
        problems.append(
            Problem(
                "body.left_behind_pupils",
                "留守儿童人数不能多于学生人数",
                "left_behind_pupils cannot exceed pupils",
            )
        )
    if row_id is not None and data.get("paired_school_id") == row_id:
        problems.append(
            Problem(
                "body.paired_school_id", "学校不能与自身结对", "a school cannot pair with itself"
            )
        )
    return problems


schools = Resource(
    path="schools",
    label=SCHOOL,
    model=School,
    read=SchoolOut,
    create=SchoolIn,
    update=patch_model(SchoolIn),
    filters=("code", "kind", "township_id"),
    refs=(Ref("township_id", Township, TOWNSHIP), Ref("paired_school_id", School, SCHOOL)),
    dependents=(
        referenced_by(Need, "school_id", Label("需求", "needs")),
        referenced_by(Case, "school_id", Label("个案", "cases")),
        referenced_by(Post, "host_school_id", Label("岗位", "posts")),
        referenced_by(VicePrincipal, "home_school_id", Label("副校长", "vice_principals")),
        referenced_by(Teacher, "base_school_id", Label("教师", "teachers")),
        referenced_by(School, "paired_school_id", Label("对口学校", "paired schools")),
    ),
    check=check_school,
)
