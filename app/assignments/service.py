"""The mobile feed (``/me/assignments``) and the calendar feeds (secret .ics URLs)."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, time
from typing import Any, cast
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.assignments.feed import (
    Person,
    assignments,
    newest_published_versions,
    own_visits,
    published,
)
from app.assignments.models import CalendarFeed
from app.assignments.schemas import AssignmentsOut, FeedCreate, FeedCreated, FeedOut
from app.core.errors import ApiError, Problem, invalid, not_found
from app.core.permissions import Access
from app.core.security import hash_secret
from app.planning.weeks import IsoWeek
from app.solves.models import utcnow
from app.tokens.service import STAFF_MODELS

COUNTY_TZ = ZoneInfo("Asia/Shanghai")  # every county the bureau serves keeps Beijing time
FEED_PREFIX = "cal_"


def person_of(access: Access) -> Person:
    principal = access.principal
    if principal is None or principal.staff_kind is None or principal.staff_id is None:
        raise ApiError(403, "forbidden", "只有人员令牌可以查看本人安排", "Only staff tokens")
    assert principal.county_id is not None  # staff tokens always belong to a county
    return Person(principal.county_id, principal.staff_kind, principal.staff_id)


def my_assignments(
    session: Session, person: Person, week: IsoWeek, since: int | None
) -> AssignmentsOut:
    current = published(session, person.county_id, week.label)
    if current is None:
        return AssignmentsOut(
            week=week.label, version=None, published_at=None, since=since, items=[]
        )
    items = assignments(session, own_visits(session, person, current.id))
    out = AssignmentsOut(
        week=week.label, version=current.number, published_at=current.published_at, items=items
    )
    if since is None:
        return out
    old = published(session, person.county_id, week.label, since)
    if old is None:
        raise invalid(
            [
                Problem(
                    "query.since",
                    f"{week.label} 没有已发布的第 {since} 版",
                    f"{week.label} has no published version {since}",
                )
            ]
        )
    before = {a.key: a for a in assignments(session, own_visits(session, person, old.id))}
    now = {a.key: a for a in items}
    out.since = since
    out.items = [a for key, a in now.items() if before.get(key) != a]
    out.removed = sorted(set(before) - set(now))
    return out


def strong_etag(body: dict[str, Any]) -> str:
    """A strong validator: the hash of exactly the bytes a client would receive."""
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    return f'"{digest[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    if if_none_match is None:
        return False
    tags = {tag.strip() for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


# Calendar feeds ------------------------------------------------------------------------


def create_feed(session: Session, access: Access, body: FeedCreate, base_url: str) -> FeedCreated:
    principal = access.principal
    assert principal is not None and access.county_id is not None
    if principal.role == "staff":
        me = person_of(access)
        asked = (body.staff_kind or me.kind, body.staff_id or me.id)
        if asked != (me.kind, me.id):
            raise ApiError(
                403,
                "forbidden",
                "只能为本人创建日历订阅",
                "Staff may only subscribe to their own calendar",
            )
        kind, staff_id = me.kind, me.id
    else:
        if body.staff_kind is None or body.staff_id is None:
            raise invalid(
                [
                    Problem(
                        "body.staff_id",
                        "请指定人员类型和 id",
                        "staff_kind and staff_id are required",
                    )
                ]
            )
        kind, staff_id = body.staff_kind, body.staff_id
        model = STAFF_MODELS[kind]
        found = session.scalar(
            select(model.id).where(model.id == staff_id, model.county_id == access.county_id)
        )
        if found is None:
            raise invalid(
                [Problem("body.staff_id", "本县没有该人员", f"no {kind} {staff_id} in this county")]
            )
    secret = FEED_PREFIX + secrets.token_urlsafe(24)
    feed = CalendarFeed(
        county_id=access.county_id,
        staff_kind=kind,
        secret_sha256=hash_secret(secret),
        label=body.label,
        created_by_token_id=principal.token_id,
    )
    setattr(feed, f"{kind}_id", staff_id)
    session.add(feed)
    session.commit()
    path = f"/api/v1/calendar/{secret}.ics"
    return FeedCreated(
        **feed_out(feed).model_dump(), secret=secret, url=base_url.rstrip("/") + path
    )


def feed_out(feed: CalendarFeed) -> FeedOut:
    staff_id = getattr(feed, f"{feed.staff_kind}_id")
    return FeedOut(
        id=feed.id,
        staff_kind=cast(Any, feed.staff_kind),
        staff_id=staff_id,
        label=feed.label,
        created_at=feed.created_at,
        revoked_at=feed.revoked_at,
    )


def _visible_feeds(access: Access) -> Any:
    statement = select(CalendarFeed).where(CalendarFeed.county_id == access.county_id)
    principal = access.principal
    if principal is not None and principal.role == "staff":
        me = person_of(access)
        column = getattr(CalendarFeed, f"{me.kind}_id")
        statement = statement.where(CalendarFeed.staff_kind == me.kind, column == me.id)
    return statement


def list_feeds(session: Session, access: Access) -> list[FeedOut]:
    rows = session.scalars(_visible_feeds(access).order_by(CalendarFeed.id)).all()
    return [feed_out(row) for row in rows]


def revoke_feed(session: Session, access: Access, feed_id: int) -> FeedOut:
    feed = session.scalar(_visible_feeds(access).where(CalendarFeed.id == feed_id))
    if feed is None:
        raise not_found("日历订阅", "calendar feed")
    if feed.revoked_at is None:
        feed.revoked_at = utcnow()
        session.commit()
    return feed_out(feed)


def calendar(session: Session, secret: str) -> bytes:
    """The .ics of a live feed; an unknown or revoked secret is simply not found."""
    feed = session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.secret_sha256 == hash_secret(secret), CalendarFeed.revoked_at.is_(None)
        )
    )
    if feed is None:
        raise not_found("日历订阅", "calendar feed")
    person = Person(feed.county_id, feed.staff_kind, getattr(feed, f"{feed.staff_kind}_id"))
    cal = Calendar()
    cal.add("prodid", "-//Yuanjiao 援教//weekly visits//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "援教安排 Yuanjiao visits")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    for version in newest_published_versions(session, feed.county_id):
        for item in assignments(session, own_visits(session, person, version.id)):
            event = Event()
            event.add("uid", f"{item.key}-{person.kind}{person.id}@yuanjiao")
            event.add("dtstamp", utcnow())
            event.add("dtstart", _at(item.date, item.start))
            event.add("dtend", _at(item.date, item.end))
            what = f"个案 {item.case_code}" if item.case_code else item.activity
            event.add("summary", f"{what} · {item.school.name}")
            event.add("location", item.school.address or item.school.name)
            event.add("geo", (item.school.latitude, item.school.longitude))
            event.add("description", item.travel_hint)
            cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _at(day: Any, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=COUNTY_TZ)
