"""A week's plan over HTTP: read it (views, KPIs, reasons, diff), edit it, publish it."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.permissions import COUNTY_READ, COUNTY_WRITE, Access
from app.planning.weeks import WeekParam, parse_week
from app.plans import edits, service
from app.plans.schemas import (
    DiffOut,
    EditOut,
    KpisOut,
    MoveBody,
    PinBody,
    PlanOut,
    UnscheduledOut,
    VersionOut,
    View,
)

router = APIRouter(prefix="/api/v1/weeks/{week}/plan", tags=["plans"], responses=ERRORS)
VersionNumber = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="version number (default: the newest)")
]
VisitId = Annotated[int, Path(ge=1, le=MAX_ID, description="the visit's id")]
Reader = Annotated[Access, Depends(COUNTY_READ)]
Writer = Annotated[Access, Depends(COUNTY_WRITE)]


def _county(access: Access) -> int:
    assert access.county_id is not None  # county-scoped rules always resolve one
    return access.county_id


def _token(access: Access) -> int | None:
    return access.principal.token_id if access.principal else None


@router.get("", summary="The week's plan (newest or ?version=) by staff, school or day")
def read_plan(
    week: WeekParam,
    session: SessionDep,
    access: Reader,
    view: Annotated[View, Query(description="group by staff, school or day")] = "staff",
    version: VersionNumber = None,
) -> PlanOut:
    return service.plan_view(session, _county(access), parse_week(week), version, view)


@router.get("/versions", summary="Every version of the week's plan, newest first")
def list_versions(week: WeekParam, session: SessionDep, access: Reader) -> list[VersionOut]:
    rows = service.versions(session, _county(access), parse_week(week))
    return [VersionOut.model_validate(row) for row in rows]


@router.get("/kpis", summary="Coverage, teaching points unvisited, travel per staff, balance")
def read_kpis(
    week: WeekParam, session: SessionDep, access: Reader, version: VersionNumber = None
) -> KpisOut:
    return service.kpis(session, _county(access), parse_week(week), version)


@router.get("/unscheduled", summary="Every session left out, with its reason")
def read_unscheduled(
    week: WeekParam, session: SessionDep, access: Reader, version: VersionNumber = None
) -> UnscheduledOut:
    return service.unscheduled(session, _county(access), parse_week(week), version)


@router.get("/diff", summary="Visits added, removed and moved since the last published version")
def read_diff(
    week: WeekParam, session: SessionDep, access: Reader, version: VersionNumber = None
) -> DiffOut:
    return service.diff(session, _county(access), parse_week(week), version)


@router.patch(
    "/visits/{visit_id}",
    summary="Pin or unpin a visit (a re-solve keeps pinned visits where they are)",
)
def pin_visit(
    week: WeekParam, visit_id: VisitId, body: PinBody, session: SessionDep, access: Writer
) -> EditOut:
    return edits.set_pinned(
        session, _county(access), parse_week(week), visit_id, body.pinned, _token(access)
    )


@router.post(
    "/visits/{visit_id}/move",
    summary="Move a visit to another staff member, day or time (422 lists what breaks)",
)
def move_visit(
    week: WeekParam, visit_id: VisitId, body: MoveBody, session: SessionDep, access: Writer
) -> EditOut:
    return edits.move_visit(
        session, _county(access), parse_week(week), visit_id, body, _token(access)
    )


@router.delete("/visits/{visit_id}", summary="Remove a visit from the draft")
def delete_visit(
    week: WeekParam, visit_id: VisitId, session: SessionDep, access: Writer
) -> EditOut:
    return edits.delete_visit(session, _county(access), parse_week(week), visit_id, _token(access))


@router.post("/publish", summary="Publish the newest draft; it can never change afterwards")
def publish(week: WeekParam, session: SessionDep, access: Writer) -> VersionOut:
    return edits.publish(session, _county(access), parse_week(week), _token(access))
