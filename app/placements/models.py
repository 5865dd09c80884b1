"""Placement versions of a term, their rows, and the coordinator's locks and withdrawals.

Like weekly plans: a solve writes a numbered draft; publishing freezes it for good, and the
staff feed only ever shows published versions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.solves.models import utcnow


class PlacementVersion(Base):
    """One numbered placement of a county's term, with the solver's account of it."""

    __tablename__ = "placement_versions"
    __table_args__ = (
        UniqueConstraint("term_id", "number"),
        CheckConstraint("status IN ('draft', 'published')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    number: Mapped[int] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default="draft")
    solve_id: Mapped[int | None] = mapped_column(ForeignKey("solves.id"), index=True)
    # objective, bound, optimal, gap_percent, placed_count, moved_count, seconds, withdrawn
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The itemised objective terms and the weights the solve used.
    terms: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    weights: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    # Unplaced candidates and unfilled posts, each with the solver's reason (ids as DB ids).
    unplaced: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    unfilled: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))


class Placement(Base):
    """One vice-principal in one post for the term, as a version holds it."""

    __tablename__ = "placements"
    __table_args__ = (UniqueConstraint("version_id", "vice_principal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("placement_versions.id", ondelete="CASCADE"), index=True
    )
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    vice_principal_id: Mapped[int] = mapped_column(ForeignKey("vice_principals.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    host_school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    distance_km: Mapped[float] = mapped_column(Float)
    preference_rank: Mapped[int | None] = mapped_column()
    subject_fit: Mapped[bool] = mapped_column(default=False)
    locked: Mapped[bool] = mapped_column(default=False)
    moved: Mapped[bool] = mapped_column(default=False)


class PlacementLock(Base):
    """A placement the coordinator fixed by hand: every later solve of the term keeps it."""

    __tablename__ = "placement_locks"
    __table_args__ = (UniqueConstraint("term_id", "vice_principal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    vice_principal_id: Mapped[int] = mapped_column(ForeignKey("vice_principals.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PlacementWithdrawal(Base):
    """A candidate who left the term's matching (illness, transfer): no later solve places
    them, and the re-solve their withdrawal triggers moves as few others as it can."""

    __tablename__ = "placement_withdrawals"
    __table_args__ = (UniqueConstraint("term_id", "vice_principal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    vice_principal_id: Mapped[int] = mapped_column(ForeignKey("vice_principals.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
