"""The long fuzz run: the CI one (tests/trust/test_fuzz.py) with 100 examples per operation.

Not in `make test`: ``YUANJIAO_SLOW=1 .venv/bin/pytest tests/slow`` (about an hour on two
busy cores; add YUANJIAO_TEST_DATABASE_URL for PostgreSQL)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis

from tests.trust.fuzz import demo_app, fuzz_operation, operation_labels

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("YUANJIAO_SLOW"), reason="long fuzz run: set YUANJIAO_SLOW=1"
    ),
]


@pytest.fixture(scope="module")
def fuzz_target() -> Iterator[tuple[schemathesis.BaseSchema, dict[str, str]]]:
    for app, coordinator in demo_app():
        yield schemathesis.openapi.from_asgi("/openapi.json", app), coordinator


@pytest.mark.parametrize("label", operation_labels())
def test_long_fuzz(label: str, fuzz_target: tuple[schemathesis.BaseSchema, dict[str, str]]) -> None:
    schema, coordinator = fuzz_target
    fuzz_operation(schema, label, coordinator, examples=100)
