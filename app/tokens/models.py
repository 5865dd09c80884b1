from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Entity


class ApiToken(Entity):
    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'coordinator', 'staff')", name="role"),
        # admin has no county; coordinator and staff always have one.
        CheckConstraint("(role = 'admin') = (county_id IS NULL)", name="county_for_role"),
        # staff is bound to exactly one person; other roles to none.
        CheckConstraint(
            "(CASE WHEN squad_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN teacher_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN vice_principal_id IS NULL THEN 0 ELSE 1 END)"
            " = (CASE WHEN role = 'staff' THEN 1 ELSE 0 END)",
            name="staff_binding",
        ),
    )

    secret_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(100), default="")
    county_id: Mapped[int | None] = mapped_column(ForeignKey("counties.id"), index=True)
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squads.id"), index=True)
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id"), index=True)
    vice_principal_id: Mapped[int | None] = mapped_column(
        ForeignKey("vice_principals.id"), index=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
