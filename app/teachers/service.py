from __future__ import annotations

from app.cases.models import Case
from app.core.resource import Label, Ref, Resource, referenced_by
from app.core.schema import patch_model
from app.schools.models import School
from app.teachers.models import Teacher
from app.teachers.schemas import TeacherIn, TeacherOut
from app.tokens.models import ApiToken

TEACHER = Label("教师", "teacher")

teachers = Resource(
    path="teachers",
    label=TEACHER,
    model=Teacher,
    read=TeacherOut,
    create=TeacherIn,
    update=patch_model(TeacherIn),
    filters=("code", "role", "base_school_id"),
    refs=(Ref("base_school_id", School, Label("学校", "school")),),
    skill_fields=("skills",),
    dependents=(
        referenced_by(Case, "teacher_id", Label("个案", "cases")),
        referenced_by(ApiToken, "teacher_id", Label("令牌", "tokens")),
    ),
)
