"""When the database cannot serve: a clear 503/507 in the shared shape, never a traceback.

* PostgreSQL down or restarting → 503 ``database_unavailable`` with ``Retry-After``; the
  engine's ``pool_pre_ping`` replaces dead connections, so service resumes by itself.
* SQLite file read-only → 503 ``database_read_only`` (reads still work; writes cannot).
* Disk full → 507 ``storage_full``.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.core.errors import ApiError

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


def database_error(exc: Exception) -> ApiError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly database" in text or "read-only" in text:
        return ApiError(
            503,
            "database_read_only",
            "数据库文件为只读，暂时无法保存修改（请管理员检查文件权限）",
            "The database file is read-only; changes cannot be saved (check file permissions)",
            headers={"Retry-After": "60"},
        )
    if "disk is full" in text or "no space left" in text or "disk full" in text:
        return ApiError(
            507,
            "storage_full",
            "服务器磁盘已满，暂时无法保存修改",
            "The server's disk is full; changes cannot be saved",
        )
    return ApiError(
        503,
        "database_unavailable",
        "数据库暂时不可用，请稍后重试",
        "The database is unavailable; retry shortly",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def install_database_error_handlers(app: FastAPI) -> None:
    async def handler(_: Request, exc: Exception) -> JSONResponse:
        # Operational trouble, not a bug: one log line, no traceback in the response.
        logger.warning("database error: %s", str(exc).splitlines()[0] if str(exc) else exc)
        error = database_error(exc)
        return JSONResponse(error.body(), status_code=error.status, headers=error.headers)

    app.add_exception_handler(OperationalError, handler)
    app.add_exception_handler(PoolTimeout, handler)
    app.add_exception_handler(InterfaceError, handler)

    async def other_dbapi_error(request: Request, exc: Exception) -> JSONResponse:
        # A connection the driver reports dropped is an outage; anything else is a bug.
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return await handler(request, exc)
        logger.exception("unhandled database error", exc_info=exc)
        error = ApiError(500, "internal_error", "服务器内部错误", "Internal server error")
        return JSONResponse(error.body(), status_code=500)

    app.add_exception_handler(DBAPIError, other_dbapi_error)
