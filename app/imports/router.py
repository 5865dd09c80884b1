"""``POST /api/v1/imports/{entity}``: one route per entity, so /docs lists each sheet."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.permissions import COUNTY_WRITE, Access
from app.imports.columns import SHEETS, SheetSpec
from app.imports.reading import read_upload
from app.imports.schemas import ImportReport
from app.imports.service import import_sheet

router = APIRouter(prefix="/api/v1/imports", tags=["imports"], responses=ERRORS)

UPLOAD_EXAMPLE = {"file": "学校.xlsx"}
DryRun = Annotated[bool, Query(description="true: validate and count only, write nothing")]


def upload_docs(example: dict[str, str]) -> dict[str, Any]:
    """The multipart body's example for /docs (FastAPI derives none for a file field)."""
    return {"requestBody": {"content": {"multipart/form-data": {"example": example}}}}


def _endpoint(spec: SheetSpec) -> Callable[..., ImportReport]:
    def import_entity(
        request: Request,
        session: SessionDep,
        access: Annotated[Access, Depends(COUNTY_WRITE)],
        file: Annotated[UploadFile, File(description=".xlsx (first sheet) or .csv")],
        dry_run: DryRun = False,
    ) -> ImportReport:
        filename = file.filename or f"{spec.entity}.csv"
        content = read_upload(file.file, filename, request.app.state.settings.upload_max_bytes)
        return import_sheet(session, access.county_id, spec.entity, content, filename, dry_run)

    import_entity.__name__ = f"import_{spec.entity}"
    return import_entity


for _spec in SHEETS.values():
    router.post(
        f"/{_spec.entity}",
        response_model=ImportReport,
        summary=f"Import {_spec.label.en} from .xlsx or .csv (导入{_spec.label.zh})",
        description=(
            "Upsert by the county's own codes; all or nothing. A 422 lists every bad row with "
            "sheet, row, column and zh-CN/English messages. Headers: docs/spreadsheets.md."
        ),
        openapi_extra=upload_docs(UPLOAD_EXAMPLE),
    )(_endpoint(_spec))
