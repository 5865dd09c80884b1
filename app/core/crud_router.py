"""HTTP routes for any :class:`Resource`: the only place CRUD meets HTTP.

No ``from __future__ import annotations`` here: FastAPI reads these annotations at import
time and they refer to per-resource values (its rules and schemas).
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Response, status
from pydantic import BaseModel

from app.core import crud
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.pagination import RESERVED, Page, parse_list_query
from app.core.permissions import Access
from app.core.resource import Resource
from app.core.schema import ErrorBody

RowId = Annotated[int, Path(ge=1, le=MAX_ID, description="the row's id")]
IfMatch = Annotated[
    str | None, Header(description='ETag from a GET, e.g. "3"; a stale value gets 412')
]
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 409, 412, 422)
}


def _with_body(endpoint: Callable[..., Any], schema: type[BaseModel]) -> Callable[..., Any]:
    # The body type differs per resource; FastAPI reads it from the annotation.
    endpoint.__annotations__["body"] = schema
    return endpoint


def _list_parameters(resource: Resource) -> list[dict[str, Any]]:
    described = {
        "limit": "page size, 1–500 (default 50)",
        "offset": "rows to skip",
        "sort": "field to sort by; prefix - for descending; ties broken by id",
        "q": f"substring of {' or '.join(resource.searchable)}",
    }
    names = [*RESERVED, *resource.filters]
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": described.get(name, "exact-match filter"),
        }
        for name in names
    ]


def crud_router(resource: Resource, extra: APIRouter | None = None) -> APIRouter:
    router = APIRouter(prefix=f"/api/v1/{resource.path}", tags=[resource.path], responses=ERRORS)
    rules = resource.rules
    read = resource.read

    @router.get(
        "",
        response_model=Page[read],  # type: ignore[valid-type]
        summary=f"List {resource.label.en} rows",
        openapi_extra={"parameters": _list_parameters(resource)},
    )
    def list_rows(
        request: Request, session: SessionDep, access: Annotated[Access, Depends(rules.read)]
    ) -> Any:
        query = parse_list_query(
            request.query_params, resource.model, resource.filters, resource.searchable
        )
        return crud.list_rows(session, resource, access, query)

    @router.get("/{row_id}", response_model=read, summary=f"Get one {resource.label.en}")
    def get_row(
        row_id: RowId,
        response: Response,
        session: SessionDep,
        access: Annotated[Access, Depends(rules.read)],
    ) -> Any:
        row = crud.get_row(session, resource, access, row_id)
        response.headers["ETag"] = crud.etag(row)
        return row

    def create_row(
        body: BaseModel,
        response: Response,
        session: SessionDep,
        access: Annotated[Access, Depends(rules.create)],
    ) -> Any:
        row = crud.create_row(session, resource, access, body)
        response.headers["ETag"] = crud.etag(row)
        response.headers["Location"] = f"{router.prefix}/{row.id}"
        return row

    router.post(
        "",
        response_model=read,
        status_code=status.HTTP_201_CREATED,
        summary=f"Create a {resource.label.en}",
    )(_with_body(create_row, resource.create))

    def update_row(
        row_id: RowId,
        body: BaseModel,
        response: Response,
        session: SessionDep,
        access: Annotated[Access, Depends(rules.update)],
        if_match: IfMatch = None,
    ) -> Any:
        row = crud.update_row(session, resource, access, row_id, body, if_match)
        response.headers["ETag"] = crud.etag(row)
        return row

    router.patch(
        "/{row_id}",
        response_model=read,
        summary=f"Change a {resource.label.en} (send If-Match to guard against lost updates)",
    )(_with_body(update_row, resource.update))

    @router.delete(
        "/{row_id}",
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"Delete a {resource.label.en} (409 while other rows depend on it)",
    )
    def delete_row(
        row_id: RowId,
        session: SessionDep,
        access: Annotated[Access, Depends(rules.delete)],
        if_match: IfMatch = None,
    ) -> Response:
        crud.delete_row(session, resource, access, row_id, if_match)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    if extra is not None:
        router.include_router(extra)
    return router
