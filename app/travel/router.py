"""``/api/v1/travel/matrix``: upload (replace) and read the county's own travel minutes."""

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.permissions import COUNTY_READ, COUNTY_WRITE, Access
from app.imports.reading import read_table, read_upload
from app.imports.router import upload_docs
from app.travel.matrix import place_coordinates, replace_matrix
from app.travel.schemas import MatrixEntry, MatrixListing, MatrixUploadReport
from app.travel.service import stored_matrix

router = APIRouter(prefix="/api/v1/travel", tags=["travel"], responses=ERRORS)


@router.post(
    "/matrix",
    response_model=MatrixUploadReport,
    summary="Upload travel minutes (CSV/xlsx: from code, to code, minutes) 上传路程矩阵",
    description=(
        "Replaces the county's uploaded matrix, all or nothing; a 422 lists every bad row. "
        "Listed pairs override the county's provider (both directions unless the reverse is "
        "listed too). A file with only the header row clears the matrix."
    ),
    openapi_extra=upload_docs({"file": "路程.csv"}),
)
def upload_matrix(
    request: Request,
    session: SessionDep,
    access: Annotated[Access, Depends(COUNTY_WRITE)],
    file: Annotated[UploadFile, File(description="CSV (UTF-8 or GB18030) or .xlsx")],
    dry_run: Annotated[bool, Query(description="true: validate only")] = False,
) -> MatrixUploadReport:
    filename = file.filename or "matrix.csv"
    content = read_upload(file.file, filename, request.app.state.settings.upload_max_bytes)
    assert access.county_id is not None  # COUNTY_WRITE always names a county
    report = replace_matrix(session, access.county_id, read_table(content, filename), dry_run)
    return MatrixUploadReport(dry_run=dry_run, **report.__dict__)


@router.get("/matrix", response_model=MatrixListing, summary="The uploaded travel matrix")
def read_matrix(
    session: SessionDep, access: Annotated[Access, Depends(COUNTY_READ)]
) -> MatrixListing:
    assert access.county_id is not None
    places = place_coordinates(session, access.county_id)
    entries = [
        MatrixEntry(
            from_code=row.from_code,
            to_code=row.to_code,
            minutes=row.minutes,
            stale=(row.from_latitude, row.from_longitude) not in places.get(row.from_code, [])
            or (row.to_latitude, row.to_longitude) not in places.get(row.to_code, []),
        )
        for row in stored_matrix(session, access.county_id)
    ]
    return MatrixListing(count=len(entries), entries=entries)
