from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base

# A solve holds its county-week's slot while it is in one of these states.
ACTIVE = ("queued", "running")
STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
_ACTIVE_SQL = text("status IN ('queued', 'running')")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Solve(Base):
    """One weekly solve: what was asked, where it stands, and the draft it produced.

    Not an optimistic-locking Entity: the worker (progress, result) and the API (cancel)
    write the row concurrently by design, with conditional UPDATEs on ``status``.
    """

    __tablename__ = "solves"
    __table_args__ = (
        # One queued-or-running solve per county and week, enforced where races cannot
        # slip through: two concurrent POSTs → one insert fails → 409.
        Index(
            "uq_solves_active_week",
            "county_id",
            "week",
            unique=True,
            sqlite_where=_ACTIVE_SQL,
            postgresql_where=_ACTIVE_SQL,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    week: Mapped[str] = mapped_column(String(8))
    # "week" (the weekly routes) or "placement" (a term's vice-principal placements, issue
    # 4: ``week`` is then "" and ``term_id`` names the term; one at a time per county).
    kind: Mapped[str] = mapped_column(String(10), default="week", server_default="week")
    term_id: Mapped[int | None] = mapped_column(ForeignKey("terms.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    seconds: Mapped[float] = mapped_column(default=30.0)
    seed: Mapped[int] = mapped_column(default=0)
    iterations: Mapped[int | None] = mapped_column()
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # elapsed_seconds, best_objective, improvements, phase — written at most once a second.
    progress: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error_code: Mapped[str | None] = mapped_column(String(40))
    error: Mapped[str | None] = mapped_column(String(500))
    error_en: Mapped[str | None] = mapped_column(String(500))
    job_id: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(default=0)
    changes: Mapped[int | None] = mapped_column()
    created_by_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
