"""Request limits, enforced before any route runs: body size and a per-token rate.

Pure ASGI middleware so an oversized body is refused while it streams in, not after it was
buffered. Answers use the shared error shape (413 ``body_too_large``, 429 ``rate_limited``
with ``Retry-After``). Page size is the list helper's (``limit`` ≤ 500 → otherwise 422);
spreadsheet uploads keep their own, larger ceiling (``upload_max_bytes``).
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import Settings
from app.core.errors import ApiError

MULTIPART_OVERHEAD = 64 * 1024


def body_too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "body_too_large",
        f"请求数据过大（上限 {limit // 1024} KB）",
        f"The request body is too large (limit {limit // 1024} KB)",
    )


def upload_too_large(limit: int) -> ApiError:
    # The same code and words as the import's own check (app/imports/reading.py), so a
    # client sees one answer for a file too large however early it was caught.
    megabytes = limit // (1024 * 1024)
    return ApiError(
        413,
        "file_too_large",
        f"文件过大（上限 {megabytes} MB），请分批导入",
        f"the file is larger than {megabytes} MB; split it",
    )


def rate_limited(retry_after: int) -> ApiError:
    return ApiError(
        429,
        "rate_limited",
        f"请求过于频繁，请 {retry_after} 秒后重试",
        f"Too many requests; retry in {retry_after} s",
        headers={"Retry-After": str(retry_after)},
    )


@dataclass
class TokenBuckets:
    """One bucket per bearer token (keyed by its hash), refilled continuously."""

    rate: float  # tokens per second
    burst: float
    buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: str, now: float) -> float:
        """0 when allowed, else the seconds until the next request would be."""
        with self.lock:
            level, last = self.buckets.get(key, (self.burst, now))
            level = min(self.burst, level + (now - last) * self.rate)
            if level >= 1:
                self.buckets[key] = (level - 1, now)
                return 0.0
            self.buckets[key] = (level, now)
            if len(self.buckets) > 100_000:  # forget idle tokens rather than grow forever
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 60}
            return (1 - level) / self.rate


class LimitsMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.body_max = settings.body_max_bytes
        self.upload_max = settings.upload_max_bytes
        self.buckets = (
            TokenBuckets(settings.rate_limit_per_second, settings.rate_limit_burst)
            if settings.rate_limit_per_second > 0
            else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope["headers"]}
        auth = headers.get("authorization")
        if self.buckets is not None and auth is not None:
            key = hashlib.sha256(auth).hexdigest()
            wait = self.buckets.take(key, time.monotonic())
            if wait > 0:
                await _answer(send, rate_limited(max(1, math.ceil(wait))))
                return
        content_type = headers.get("content-type", b"").decode("latin-1")
        # Multipart gets room for its part headers, so the import's own, more specific
        # "file too large" answer (app/imports/reading.py) is the one a user sees.
        multipart = content_type.startswith("multipart/")
        limit = self.upload_max + MULTIPART_OVERHEAD if multipart else self.body_max
        too_large = upload_too_large(self.upload_max) if multipart else body_too_large(limit)
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _answer(send, too_large)
            return
        await _within(self.app, scope, receive, send, limit, too_large)


async def _within(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, limit: int, too_large: ApiError
) -> None:
    """Run the app on a body that may not pass ``limit`` bytes (chunked bodies included).

    Past the limit we answer 413 ourselves and tell the app the client went away; whatever
    the app then tries to send is dropped, so the client sees exactly one answer.
    """
    seen = 0
    refused = False

    async def counted_receive() -> Message:
        nonlocal seen, refused
        if refused:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                refused = True
                await _answer(send, too_large)
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message: Message) -> None:
        if not refused:
            await send(message)

    try:
        await app(scope, counted_receive, guarded_send)
    except Exception:
        if not refused:
            raise


async def _answer(send: Send, error: ApiError) -> None:
    body = json.dumps(error.body(), ensure_ascii=False).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in error.headers.items()),
    ]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
