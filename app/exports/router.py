"""``GET /api/v1/weeks/{week}/plan.xlsx`` and ``.csv``: the plan to print or hand on."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.permissions import COUNTY_READ, Access
from app.exports.plan import plan_csv, plan_workbook
from app.exports.service import plan_export
from app.planning.weeks import WeekParam, parse_week
from app.spreadsheets.router import attachment
from app.spreadsheets.styling import XLSX_MEDIA_TYPE

router = APIRouter(prefix="/api/v1/weeks/{week}", tags=["plans"], responses=ERRORS)
Version = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="version number (default: the newest)")
]
Reader = Annotated[Access, Depends(COUNTY_READ)]


@router.get(
    "/plan.xlsx",
    summary="The week's plan as a printable workbook (days, staff, schools)",
    response_class=Response,
    responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}},
)
def plan_xlsx(
    week: WeekParam,
    session: SessionDep,
    access: Reader,
    version: Version = None,
    schools_only: Annotated[
        bool, Query(description="only the per-school sheets (no case codes), for headmasters")
    ] = False,
) -> Response:
    assert access.county_id is not None
    plan = plan_export(session, access.county_id, parse_week(week), version)
    return Response(
        plan_workbook(plan, schools_only),
        media_type=XLSX_MEDIA_TYPE,
        headers=attachment(f"援教安排-{plan.week}.xlsx"),
    )


@router.get(
    "/plan.csv",
    summary="The week's plan as CSV, one visit a row (UTF-8 with BOM)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def plan_csv_file(
    week: WeekParam, session: SessionDep, access: Reader, version: Version = None
) -> Response:
    assert access.county_id is not None
    plan = plan_export(session, access.county_id, parse_week(week), version)
    return Response(
        plan_csv(plan),
        media_type="text/csv; charset=utf-8",
        headers=attachment(f"援教安排-{plan.week}.csv"),
    )
