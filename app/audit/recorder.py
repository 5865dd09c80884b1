"""Where audit rows come from: SQLAlchemy events, so no service has to remember to call us.

* Writes: every row a request inserts, changes or deletes (the generic CRUD, imports, plan
  edits, token and feed management …) is logged in ``after_flush`` on the same connection,
  so the audit row commits or rolls back together with the change it describes.
* Publishes: a plan version whose status turns ``published`` is logged as ``publish``.
* Case reads: loading a case, or a visit that carries a case, notes the case id; the notes
  are written when the request's session ends (:func:`write_case_reads`), one row per case
  and request, so a list of 50 cases gives 50 rows and a phone's feed one per case it shows.

Who acted comes from ``session.info``: the permission rule stores the token's principal
there (app/core/permissions.py), a calendar feed marks itself when it is loaded. Sessions
with no actor (the solve worker, the CLI, test set-up) write no audit rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import QueryContext, Session, UOWTransaction

from app.assignments.models import CalendarFeed
from app.audit.forget import forget_case
from app.audit.models import AuditEvent
from app.cases.models import Case
from app.core.db import SESSION_END_HOOKS
from app.core.security import Principal
from app.plans.models import PlanVersion, Visit
from app.solves.models import utcnow

logger = logging.getLogger(__name__)

PRINCIPAL_KEY = "principal"  # set by app.core.permissions.Rule
FEED_KEY = "audit_calendar_feed"
READS_KEY = "audit_case_reads"

# Derived caches and the log itself are not "changes a person made".
NOT_AUDITED = frozenset({"audit_events", "travel_times"})
# Secrets and children's case codes never enter the log; deleting a case must leave no
# trace of its code, and a log row is kept after the case is gone.
REDACTED: dict[str, frozenset[str]] = {
    "cases": frozenset({"code"}),
    "visits": frozenset({"case_code"}),
    "api_tokens": frozenset({"secret_sha256"}),
    "calendar_feeds": frozenset({"secret_sha256"}),
    "plan_versions": frozenset({"unscheduled", "kpis"}),
}


@dataclass(frozen=True)
class Actor:
    token_id: int | None
    calendar_feed_id: int | None
    role: str | None
    county_id: int | None


def actor_of(session: Session) -> Actor | None:
    principal = session.info.get(PRINCIPAL_KEY)
    if isinstance(principal, Principal):
        return Actor(principal.token_id, None, principal.role, principal.county_id)
    feed = session.info.get(FEED_KEY)
    if isinstance(feed, tuple):
        return Actor(None, feed[0], "calendar_feed", feed[1])
    return None


# Case reads ---------------------------------------------------------------------------


def _note_read(session: Session | None, case_id: int | None, county_id: int) -> None:
    if session is not None and case_id is not None:
        session.info.setdefault(READS_KEY, {})[case_id] = county_id


@event.listens_for(Case, "load")
def _case_loaded(case: Case, context: QueryContext) -> None:
    _note_read(context.session, case.id, case.county_id)


@event.listens_for(Visit, "load")
def _visit_loaded(visit: Visit, context: QueryContext) -> None:
    if visit.case_code is not None:
        _note_read(context.session, visit.case_id, visit.county_id)


@event.listens_for(CalendarFeed, "load")
def _feed_loaded(feed: CalendarFeed, context: QueryContext) -> None:
    if context.session is not None and PRINCIPAL_KEY not in context.session.info:
        context.session.info[FEED_KEY] = (feed.id, feed.county_id)


def write_case_reads(session: Session) -> None:
    """Write the request's case reads; called when the request's session ends."""
    reads: dict[int, int] = session.info.pop(READS_KEY, {})
    actor = actor_of(session)
    if not reads or actor is None:
        return
    at = utcnow()
    rows = [
        _row(actor, "case_read", "cases", case_id, county_id, None, None, at)
        for case_id, county_id in sorted(reads.items())
    ]
    try:
        session.rollback()  # a read-only request may hold a stale snapshot; start clean
        session.execute(insert(AuditEvent), rows)
        session.commit()
    except SQLAlchemyError:
        # The answer has already gone out; failing loudly here cannot unsend it.
        logger.exception("could not write %d case-read audit rows", len(rows))
        session.rollback()


# Writes -------------------------------------------------------------------------------


@event.listens_for(Session, "before_flush")
def _forget_deleted_cases(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    for obj in list(session.deleted):
        if isinstance(obj, Case):
            forget_case(session.connection(), obj.county_id, obj.id, obj.code)


@event.listens_for(Session, "after_flush")
def _log_writes(session: Session, _context: UOWTransaction) -> None:
    actor = actor_of(session)
    if actor is None:
        return
    at = utcnow()
    rows = [
        *_changes(actor, "create", session.new, at),
        *_changes(actor, "update", session.dirty, at),
        *_changes(actor, "delete", session.deleted, at),
    ]
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def _changes(
    actor: Actor, action: str, objects: Iterable[Any], at: datetime
) -> list[dict[str, Any]]:
    rows = []
    for obj in objects:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in NOT_AUDITED:
            continue
        before, after = _before_after(obj, table, action)
        if action == "update" and before == after:
            continue
        kind = action
        if isinstance(obj, PlanVersion) and (after or {}).get("status") == "published":
            kind = "publish" if (before or {}).get("status") != "published" else action
        county = getattr(obj, "county_id", None) or actor.county_id
        rows.append(_row(actor, kind, table, getattr(obj, "id", None), county, before, after, at))
    return rows


def _before_after(
    obj: Any, table: str, action: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    state = inspect(obj)
    hidden = REDACTED.get(table, frozenset())
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        history = state.attrs[key].history
        if key in hidden or (key not in state.dict and not history.has_changes()):
            continue
        current = state.dict.get(key)
        after[key] = plain(history.added[0] if history.added else current)
        before[key] = plain(history.deleted[0] if history.deleted else current)
    if action == "create":
        return None, after
    if action == "delete":
        return before, None
    return before, after


def plain(value: Any) -> Any:
    """A JSON-safe copy: dates as ISO text, everything unknown as its string."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def _row(
    actor: Actor,
    action: str,
    entity: str,
    row_id: int | None,
    county_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime,
) -> dict[str, Any]:
    return {
        "at": at,
        "county_id": county_id,
        "token_id": actor.token_id,
        "calendar_feed_id": actor.calendar_feed_id,
        "role": actor.role,
        "action": action,
        "entity": entity,
        "row_id": row_id,
        "before": before,
        "after": after,
    }


SESSION_END_HOOKS.append(write_case_reads)
