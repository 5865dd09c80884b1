"""``GET /api/v1/templates/{entity}.xlsx``: one route per entity, like the imports."""

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Response

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.permissions import COUNTY_READ, Access
from app.core.skills import county_skills
from app.imports.columns import SHEETS, SheetSpec
from app.spreadsheets.styling import XLSX_MEDIA_TYPE
from app.spreadsheets.templates import template_workbook

router = APIRouter(prefix="/api/v1/templates", tags=["imports"], responses=ERRORS)


def attachment(filename: str) -> dict[str, str]:
    """Content-Disposition that keeps a Chinese file name in every browser (RFC 6266)."""
    ascii_name = filename.encode("ascii", "ignore").decode() or "download"
    return {
        "Content-Disposition": f'attachment; filename="{ascii_name}"; '
        f"filename*=UTF-8''{quote(filename)}"
    }


def _endpoint(spec: SheetSpec) -> Callable[..., Response]:
    def template(session: SessionDep, access: Annotated[Access, Depends(COUNTY_READ)]) -> Response:
        content = template_workbook(spec, county_skills(session, access.county_id))
        filename = f"{spec.label.zh}导入模板-{spec.entity}.xlsx"
        return Response(content, media_type=XLSX_MEDIA_TYPE, headers=attachment(filename))

    template.__name__ = f"template_{spec.entity}"
    return template


for _spec in SHEETS.values():
    router.get(
        f"/{_spec.entity}.xlsx",
        summary=f"Download the {_spec.label.en} import template ({_spec.label.zh}导入模板)",
        response_class=Response,
        responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}},
    )(_endpoint(_spec))
