from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.solves.models import utcnow


class CalendarFeed(Base):
    """A secret .ics URL for one staff member. Only the secret's hash is stored; revoking
    sets ``revoked_at`` and the URL answers 404 from then on."""

    __tablename__ = "calendar_feeds"
    __table_args__ = (
        CheckConstraint("staff_kind IN ('squad', 'teacher', 'vice_principal')", name="kind"),
        CheckConstraint(
            "(CASE WHEN squad_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN teacher_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN vice_principal_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_person",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    staff_kind: Mapped[str] = mapped_column(String(20))
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squads.id"), index=True)
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id"), index=True)
    vice_principal_id: Mapped[int | None] = mapped_column(
        ForeignKey("vice_principals.id"), index=True
    )
    secret_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
