"""The audit log: who read a child's case, who changed which row, who published."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.solves.models import utcnow

ACTIONS = ("case_read", "create", "update", "delete", "publish")


class AuditEvent(Base):
    """One audited event. Append-only: nothing in the service updates or deletes these rows.

    No foreign keys on purpose: the log must outlive the token, case or row it names, and a
    deleted case must not take its read history with it (the row keeps only its id).
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        CheckConstraint(
            "action IN ('case_read', 'create', 'update', 'delete', 'publish')", name="action"
        ),
        Index("ix_audit_events_county_action_at", "county_id", "action", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    county_id: Mapped[int | None] = mapped_column()
    # The caller: an API token, or a calendar feed (whose secret URL is the credential).
    token_id: Mapped[int | None] = mapped_column()
    calendar_feed_id: Mapped[int | None] = mapped_column()
    role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(12))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column()
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
