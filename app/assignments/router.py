"""The field staff's own week (mobile feed) and their calendar subscription."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from app.assignments import service
from app.assignments.schemas import AssignmentsOut, FeedCreate, FeedCreated, FeedOut
from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.permissions import PUBLIC, Access, Rule
from app.planning.weeks import parse_week

# Only a token bound to a person has "own" assignments; coordinators read the plan itself.
STAFF_SELF = Rule(
    "staff_self",
    roles=frozenset({"staff"}),
    staff_kinds=frozenset({"squad", "teacher", "vice_principal"}),
)
# Coordinators manage any person's calendar feed; staff only their own (the service narrows).
CALENDAR_FEEDS = Rule(
    "calendar_feeds",
    roles=frozenset({"admin", "coordinator", "staff"}),
    staff_kinds=frozenset({"squad", "teacher", "vice_principal"}),
)

router = APIRouter(prefix="/api/v1", tags=["assignments"], responses=ERRORS)


@router.get(
    "/me/assignments",
    response_model=AssignmentsOut,
    summary="My published visits of a week (strong ETag; ?since=<version> for changes only)",
    responses={304: {"description": "unchanged since the ETag sent in If-None-Match"}},
)
def my_assignments(
    session: SessionDep,
    access: Annotated[Access, Depends(STAFF_SELF)],
    week: Annotated[str, Query(description="ISO week, e.g. 2026-W48", max_length=8)],
    since: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="a published version the phone has")
    ] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    iso = parse_week(week, "query.week")
    body = service.my_assignments(session, service.person_of(access), iso, since)
    content = body.model_dump(mode="json")
    etag = service.strong_etag(content)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if service.matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return JSONResponse(content, headers=headers)


@router.post(
    "/calendar-feeds",
    status_code=201,
    summary="Create a secret calendar (.ics) URL for a staff member (staff: their own)",
)
def create_feed(
    body: FeedCreate,
    request: Request,
    session: SessionDep,
    access: Annotated[Access, Depends(CALENDAR_FEEDS)],
) -> FeedCreated:
    return service.create_feed(session, access, body, str(request.base_url))


@router.get("/calendar-feeds", summary="Calendar feeds (staff: their own)")
def list_feeds(
    session: SessionDep, access: Annotated[Access, Depends(CALENDAR_FEEDS)]
) -> list[FeedOut]:
    return service.list_feeds(session, access)


@router.delete("/calendar-feeds/{feed_id}", summary="Revoke a calendar feed; its URL stops working")
def revoke_feed(
    feed_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    session: SessionDep,
    access: Annotated[Access, Depends(CALENDAR_FEEDS)],
) -> FeedOut:
    return service.revoke_feed(session, access, feed_id)


@router.get(
    "/calendar/{secret}.ics",
    summary="A staff member's published visits as iCalendar (the secret is the credential)",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def calendar(
    secret: Annotated[str, Path(max_length=100)],
    session: SessionDep,
    _: Annotated[Access, Depends(PUBLIC)],
) -> Response:
    return Response(
        service.calendar(session, secret),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )
