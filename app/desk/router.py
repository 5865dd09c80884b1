"""Serves the desk page and its few static files.

The page holds no data: it is the same bytes for everyone, and the browser fetches the
county's data from the API with the coordinator's token. Each file gets its own fixed route
(rather than a mounted static directory) so every route carries a permission rule like the
rest of the API, and the route table names exactly what is served.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

from app.core.permissions import PUBLIC, Access

STATIC = Path(__file__).parent / "static"
ASSET_PREFIX = "/desk/"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
# An old office PC keeps the files, but asks whether they changed (ETag) on every visit,
# so a new release is picked up without anyone clearing a cache.
HEADERS = {"Cache-Control": "no-cache"}

router = APIRouter(tags=["desk"], include_in_schema=False)


def _serve(path: Path) -> FileResponse:
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=HEADERS)


@router.get("/", summary="The coordinator's desk")
def desk(_: Annotated[Access, Depends(PUBLIC)]) -> FileResponse:
    return _serve(STATIC / "index.html")


def _asset_route(path: Path) -> None:
    def asset(_: Annotated[Access, Depends(PUBLIC)]) -> FileResponse:
        return _serve(path)

    router.add_api_route(ASSET_PREFIX + path.name, asset, methods=["GET"], name=path.stem)


for _file in sorted(STATIC.iterdir()):
    if _file.suffix in (".js", ".css"):
        _asset_route(_file)
