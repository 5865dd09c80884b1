"""``GET /health``: is the service up and can it reach its database? No auth."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionDep
from app.core.permissions import PUBLIC, Access

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness and database reachability")
def health(session: SessionDep, _: Annotated[Access, Depends(PUBLIC)]) -> JSONResponse:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})
