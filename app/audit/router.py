"""The county's audit log over HTTP (coordinators and admins; staff never)."""

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from app.audit import service
from app.audit.schemas import AuditEventOut, AuditPage
from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.core.permissions import COUNTY_READ, Access
from app.spreadsheets.router import attachment
from app.spreadsheets.styling import XLSX_MEDIA_TYPE

router = APIRouter(prefix="/api/v1/audit", tags=["audit"], responses=ERRORS)
Reader = Annotated[Access, Depends(COUNTY_READ)]
Action = Literal["case_read", "create", "update", "delete", "publish"]


@router.get("/events", summary="The county's audit log, newest first")
def list_events(
    session: SessionDep,
    access: Reader,
    action: Annotated[Action | None, Query()] = None,
    entity: Annotated[str | None, Query(max_length=40, description="table, e.g. cases")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> AuditPage:
    assert access.county_id is not None
    total, rows = service.events(session, access.county_id, action, entity, limit, offset)
    items = [AuditEventOut.model_validate(row) for row in rows]
    return AuditPage(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/case-reads",
    summary="Who read which case when, as CSV (default) or xlsx",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, XLSX_MEDIA_TYPE: {}}}},
)
def export_case_reads(
    session: SessionDep,
    access: Reader,
    format: Annotated[Literal["csv", "xlsx"], Query()] = "csv",
    since: Annotated[datetime | None, Query(description="from (inclusive), ISO 8601")] = None,
    until: Annotated[datetime | None, Query(description="to (exclusive), ISO 8601")] = None,
) -> Response:
    assert access.county_id is not None
    rows = service.case_reads(session, access.county_id, since, until)
    if format == "xlsx":
        content, media = service.as_xlsx(rows), XLSX_MEDIA_TYPE
    else:
        content, media = service.as_csv(rows), "text/csv; charset=utf-8"
    name = f"个案查阅记录-county{access.county_id}.{format}"
    return Response(content, media_type=media, headers=attachment(name))
