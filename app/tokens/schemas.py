from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.fields import Id
from app.core.schema import write_config

StaffKindField = Literal["squad", "teacher", "vice_principal"]


class TokenIn(BaseModel):
    model_config = write_config(
        {
            "role": "staff",
            "county_id": 1,
            "staff_kind": "teacher",
            "staff_id": 3,
            "label": "王静的手机",
        }
    )

    role: Literal["admin", "coordinator", "staff"]
    county_id: Id | None = Field(None, description="required for coordinator and staff")
    staff_kind: StaffKindField | None = Field(
        None, description="staff only: what the token is bound to"
    )
    staff_id: Id | None = Field(
        None, description="staff only: id of that squad/teacher/vice-principal"
    )
    label: Annotated[str, Field(max_length=100)] = ""


class TokenOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    role: str
    county_id: int | None
    staff_kind: StaffKindField | None
    staff_id: int | None
    label: str
    created_at: datetime
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    secret: str = Field(description="shown once; only its SHA-256 hash is stored")
