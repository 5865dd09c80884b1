"""Schemathesis against our own OpenAPI, in-process, as a coordinator of the demo county:
every operation, zero 5xx, every 4xx in the documented error shape. The example budget
keeps `make test` short; tests/slow/test_fuzz_long.py runs the same with a larger one.

Each operation is its own test (ids like ``POST /api/v1/schools``), so a failure names it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI

from tests.trust.fuzz import demo_app, fuzz_operation, operation_labels

EXAMPLES_PER_OPERATION = 5


@pytest.fixture(scope="module")
def fuzz_target() -> Iterator[tuple[schemathesis.BaseSchema, dict[str, str], FastAPI]]:
    for app, coordinator in demo_app():
        yield schemathesis.openapi.from_asgi("/openapi.json", app), coordinator, app


@pytest.mark.parametrize("label", operation_labels())
def test_no_operation_answers_5xx_or_breaks_the_error_shape(
    label: str, fuzz_target: tuple[schemathesis.BaseSchema, dict[str, str], FastAPI]
) -> None:
    schema, coordinator, _ = fuzz_target
    fuzz_operation(schema, label, coordinator, EXAMPLES_PER_OPERATION)
