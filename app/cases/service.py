from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.cases.models import Case
from app.cases.schemas import CaseIn, CaseOut
from app.core.errors import Problem
from app.core.permissions import CASE_READ
from app.core.resource import Label, Ref, Resource, Rules
from app.core.schema import patch_model
from app.core.security import Principal
from app.schools.models import School
from app.teachers.models import Teacher
from app.teachers.service import TEACHER


def own_cases(principal: Principal) -> ColumnElement[bool]:
    """A psychology teacher's token sees only the cases that stay with that teacher."""
    return Case.teacher_id == principal.staff_id


def check_case(
    session: Session, _county_id: int | None, data: Mapping[str, Any], _row_id: int | None
) -> list[Problem]:
    role = session.scalar(select(Teacher.role).where(Teacher.id == data["teacher_id"]))
    if role is not None and role != "psychology":
        return [
            Problem(
                "body.teacher_id",
                "个案只能分配给心理健康教师",
                "a case can only stay with a psychology teacher",
            )
        ]
    return []


cases = Resource(
    path="cases",
    label=Label("个案", "case"),
    model=Case,
    read=CaseOut,
    create=CaseIn,
    update=patch_model(CaseIn),
    filters=("code", "teacher_id", "school_id", "category", "active"),
    searchable=("code",),
    refs=(Ref("school_id", School, Label("学校", "school")), Ref("teacher_id", Teacher, TEACHER)),
    check=check_case,
    rules=Rules(read=CASE_READ),
    staff_scope=own_cases,
)
