from __future__ import annotations

from app.core.checks import dates_in_order
from app.core.resource import Label, Ref, Resource
from app.core.schema import patch_model
from app.needs.models import Need
from app.needs.schemas import NeedIn, NeedOut
from app.schools.models import School

needs = Resource(
    path="needs",
    label=Label("需求", "need"),
    model=Need,
    read=NeedOut,
    create=NeedIn,
    update=patch_model(NeedIn),
    filters=("school_id", "skill", "priority"),
    searchable=("skill",),
    refs=(Ref("school_id", School, Label("学校", "school")),),
    skill_fields=("skill",),
    check=dates_in_order("valid_from", "valid_to", strict=False),
)
