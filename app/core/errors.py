"""One error shape for every failure: ``{"error": {code, message, message_en, details}}``.

``message`` is zh-CN (the bureau's language), ``message_en`` English; ``code`` is a stable
English key that clients branch on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.messages import translate_pydantic_error

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field (``body.latitude``, ``query.limit``, ``path.id`` …)."""

    field: str
    message: str
    message_en: str


@dataclass
class ApiError(Exception):
    status: int
    code: str
    message: str
    message_en: str
    details: Sequence[Problem] = ()
    headers: dict[str, str] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "message_en": self.message_en,
                "details": [problem.__dict__ for problem in self.details],
            }
        }


def invalid(details: Sequence[Problem]) -> ApiError:
    return ApiError(422, "validation_failed", "请求数据无效", "The request is invalid", details)


def not_found(thing_zh: str, thing_en: str) -> ApiError:
    return ApiError(404, "not_found", f"未找到该{thing_zh}", f"No such {thing_en}")


def problems_from_pydantic(
    errors: Sequence[Any], prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    problems = []
    for error in errors:
        path = ".".join(str(part) for part in (*prefix, *error["loc"]))
        zh, en = translate_pydantic_error(error)
        problems.append(Problem(path, zh, en))
    return problems


_HTTP_CODES = {
    401: ("not_authenticated", "需要有效的访问令牌", "A valid bearer token is required"),
    403: ("forbidden", "无权执行此操作", "Not allowed"),
    404: ("not_found", "未找到", "Not found"),
    405: ("method_not_allowed", "不支持该请求方法", "Method not allowed"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return await api_error(_, invalid(problems_from_pydantic(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, zh, en = _HTTP_CODES.get(exc.status_code, ("http_error", "请求失败", str(exc.detail)))
        error = ApiError(exc.status_code, code, zh, en, headers=dict(exc.headers or {}))
        return await api_error(_, error)

    @app.exception_handler(IntegrityError)
    async def integrity_error(_: Request, exc: IntegrityError) -> JSONResponse:
        # Races past the service's own checks end here rather than as a 500.
        error = ApiError(409, "conflict", "与现有数据冲突", "Conflicts with existing data")
        return await api_error(_, error)

    @app.exception_handler(DataError)
    async def data_error(_: Request, exc: DataError) -> JSONResponse:
        # A value the database cannot store (out of range, too long) is the client's error.
        error = ApiError(422, "validation_failed", "数据超出允许范围", "A value is out of range")
        return await api_error(_, error)

    @app.exception_handler(Exception)
    async def unexpected_error(_: Request, exc: Exception) -> JSONResponse:
        # A bug still answers in the one shape; the traceback goes to the server log.
        logger.exception("unhandled error", exc_info=exc)
        error = ApiError(500, "internal_error", "服务器内部错误", "Internal server error")
        return await api_error(_, error)

    @app.exception_handler(StaleDataError)
    async def stale_error(_: Request, exc: StaleDataError) -> JSONResponse:
        return await api_error(_, precondition_failed())


def precondition_failed() -> ApiError:
    return ApiError(
        412,
        "precondition_failed",
        "数据已被他人修改，请重新读取后再保存",
        "The row changed since you read it; fetch it again and retry",
    )
