"""Shared by the CI fuzz run (tests/trust/test_fuzz.py) and the long one (tests/slow)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from app.core.config import Settings
from app.core.migrations import upgrade
from app.demo import load_demo
from app.main import create_app
from app.tokens.service import issue
from tests.conftest import fresh_database_url

ERROR_KEYS = {"code", "message", "message_en", "details"}


def demo_app() -> Iterator[tuple[FastAPI, dict[str, str]]]:
    """The real app on a database of its own holding the demo county, and a coordinator's
    bearer header. Fuzzed writes land here, never in the suite's shared database."""
    with tempfile.TemporaryDirectory(prefix="yuanjiao-fuzz-") as tmp:
        for url in fresh_database_url(Path(tmp)):
            upgrade(url)
            # The fuzzer is one token asking as fast as it can; the limit has its own test.
            app = create_app(Settings(database_url=url, rate_limit_per_second=0))
            with app.state.sessions() as session:
                county_id, _ = load_demo(session)
                secret = issue(session, "coordinator", county_id=county_id, label="fuzz").secret
            try:
                yield app, {"Authorization": f"Bearer {secret}"}
            finally:
                app.state.engine.dispose()


def error_shape_problems(status: int, body: Any, content_type: str) -> list[str]:
    """What is wrong with a response, by our contract: never 5xx; every 4xx (but 304-like
    bodiless answers) in the one documented error shape with both languages."""
    if status >= 500:
        return [f"server error {status}: {body!r:.300}"]
    if status < 400:
        return []
    if not content_type.startswith("application/json") or not isinstance(body, dict):
        return [f"{status} is not JSON: {body!r:.200}"]
    error = body.get("error")
    # The documented shape (app/core/schema.py ErrorBody) requires these keys; an error may
    # add its own beside them (an import's "warnings").
    if not isinstance(error, dict) or not set(error) >= ERROR_KEYS:
        return [f"{status} not in the error shape: {body!r:.300}"]
    problems = []
    for key in ("code", "message", "message_en"):
        if not isinstance(error[key], str) or not error[key]:
            problems.append(f"{status} has an empty {key}")
    if not isinstance(error["details"], list):
        problems.append(f"{status} details is not a list")
    return problems


def operation_labels() -> list[str]:
    """Every operation of the OpenAPI document, read from an unconnected app."""
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", create_app(Settings(database_url="sqlite://"))
    )
    return [result.ok().label for result in schema.get_all_operations()]


def fuzz_operation(
    schema: schemathesis.BaseSchema, label: str, headers: dict[str, str], examples: int
) -> None:
    method, path = label.split(" ", 1)
    operation = schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,  # the same examples every run: a CI failure reproduces
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        # Schemathesis may generate an Authorization of its own; the coordinator's wins.
        response = case.call(headers={**(case.headers or {}), **headers})
        content_type = response.headers.get("content-type", [""])
        if isinstance(content_type, list):
            content_type = content_type[0] if content_type else ""
        try:
            body: Any = response.json()
        except ValueError:
            body = response.content[:300]
        problems = error_shape_problems(response.status_code, body, content_type)
        assert problems == [], f"{case.method} {case.formatted_path}: {problems}"

    check()
