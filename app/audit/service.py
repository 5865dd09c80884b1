"""Reading the audit log back: a page of events, and the case-read log as CSV or xlsx."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent

CASE_READ_COLUMNS = (
    ("时间 (UTC)", "at"),
    ("个案 id", "case_id"),
    ("令牌 id", "token_id"),
    ("日历订阅 id", "calendar_feed_id"),
    ("角色", "role"),
)


def events(
    session: Session,
    county_id: int,
    action: str | None,
    entity: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[AuditEvent]]:
    statement = select(AuditEvent).where(AuditEvent.county_id == county_id)
    if action is not None:
        statement = statement.where(AuditEvent.action == action)
    if entity is not None:
        statement = statement.where(AuditEvent.entity == entity)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page = statement.order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    return total, list(session.scalars(page))


def case_reads(
    session: Session, county_id: int, since: datetime | None, until: datetime | None
) -> list[dict[str, Any]]:
    statement = select(AuditEvent).where(
        AuditEvent.county_id == county_id, AuditEvent.action == "case_read"
    )
    if since is not None:
        statement = statement.where(AuditEvent.at >= since)
    if until is not None:
        statement = statement.where(AuditEvent.at < until)
    return [
        {
            "at": row.at.isoformat(),
            "case_id": row.row_id,
            "token_id": row.token_id,
            "calendar_feed_id": row.calendar_feed_id,
            "role": row.role,
        }
        for row in session.scalars(statement.order_by(AuditEvent.id))
    ]


def as_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([f"{zh} {en}" for zh, en in CASE_READ_COLUMNS])
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for _, key in CASE_READ_COLUMNS])
    # The BOM makes Excel and WPS open the UTF-8 headers correctly.
    return ("\ufeff" + buffer.getvalue()).encode()


def as_xlsx(rows: Sequence[dict[str, Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "个案查阅记录"
    sheet.append([f"{zh} {en}" for zh, en in CASE_READ_COLUMNS])
    for row in rows:
        sheet.append([row[key] for _, key in CASE_READ_COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
