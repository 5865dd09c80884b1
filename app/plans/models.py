from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.solves.models import utcnow


class PlanVersion(Base):
    """One numbered plan of a county's week. A draft can be edited; a published one never.

    Editing a published version copies it into a new draft (``copied_from_id``), so every
    version a phone or a printout ever saw stays readable as it was.
    """

    __tablename__ = "plan_versions"
    __table_args__ = (
        UniqueConstraint("county_id", "week", "number"),
        CheckConstraint("status IN ('draft', 'published')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    week: Mapped[str] = mapped_column(String(8))
    number: Mapped[int] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default="draft")
    solve_id: Mapped[int | None] = mapped_column(ForeignKey("solves.id"), index=True)
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("plan_versions.id"))
    solver_status: Mapped[str | None] = mapped_column(String(20))
    # The solver's KPIs (coverage, bound, travel spread, changes, …) as it reported them.
    kpis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Sessions left out, each with its reason (no_skill, out_of_reach, outranked, …).
    unscheduled: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped by every edit of a draft: the plan's ETag and the feeds' change marker.
    edits: Mapped[int] = mapped_column(default=0)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))


class Visit(Base):
    """One session: a squad or teacher at a school on a day, for a need or a case.

    Consecutive sessions of one staff member at one school form the visit block a phone
    shows; each session is its own row so it can be pinned, moved or deleted alone. Skill
    and case code are copied in, so history survives a need or case being deleted.
    """

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("staff_kind IN ('squad', 'teacher')", name="staff_kind"),
        CheckConstraint(
            "(staff_kind = 'squad') = (squad_id IS NOT NULL)"
            " AND (staff_kind = 'teacher') = (teacher_id IS NOT NULL)",
            name="staff_ref",
        ),
        CheckConstraint("start_minute < end_minute", name="ordered"),
        Index("ix_visits_plan_staff", "plan_version_id", "staff_kind", "squad_id", "teacher_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    staff_kind: Mapped[str] = mapped_column(String(10))
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squads.id"), index=True)
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("needs.id", ondelete="SET NULL"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    skill: Mapped[str] = mapped_column(String(30))
    case_code: Mapped[str | None] = mapped_column(String(32))
    # Minutes after midnight, Asia/Shanghai (the county's wall clock).
    start_minute: Mapped[int] = mapped_column()
    end_minute: Mapped[int] = mapped_column()
    arrival_minute: Mapped[int] = mapped_column()
    travel_minutes: Mapped[int] = mapped_column(default=0)  # from the previous stop or base
    sequence: Mapped[int] = mapped_column(default=0)  # order in the staff member's day
    pinned: Mapped[bool] = mapped_column(default=False)
    carried_over: Mapped[bool] = mapped_column(default=False)
    # Set when a coordinator moved it by hand despite what the checker said.
    forced_violations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
