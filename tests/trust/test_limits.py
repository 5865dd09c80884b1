"""Limits answer in the shared error shape: 413 for bodies, 422 for page size, 429 with
Retry-After for a token that asks too fast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.limits import TokenBuckets
from app.main import create_app
from tests.world import World

SHAPE = {"code", "message", "message_en", "details"}


def test_an_oversized_json_body_is_refused_with_413(client: TestClient, county: World) -> None:
    body = b'{"name": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    response = client.post(
        "/api/v1/schools",
        content=body,
        headers={**county.coordinator, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert set(response.json()["error"]) == SHAPE
    assert response.json()["error"]["code"] == "body_too_large"


def test_a_chunked_body_is_stopped_once_it_passes_the_limit(
    client: TestClient, county: World
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"name": "'
        for _ in range(300):
            yield b"x" * 4096  # 1.2 MB in all, with no Content-Length to trust
        yield b'"}'

    response = client.post(
        "/api/v1/schools",
        content=chunks(),
        headers={**county.coordinator, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_uploads_have_their_own_ceiling(app_settings_upload: TestClient, county: World) -> None:
    files = {"file": ("schools.xlsx", b"x" * 3000, "application/octet-stream")}
    response = app_settings_upload.post(
        "/api/v1/imports/schools", files=files, headers=county.coordinator
    )
    assert response.status_code == 413
    assert set(response.json()["error"]) == SHAPE


@pytest.fixture
def app_settings_upload(database_url: str) -> Iterator[TestClient]:
    application = create_app(Settings(database_url=database_url, upload_max_bytes=2048))
    yield TestClient(application)
    application.state.engine.dispose()


def test_page_size_above_the_maximum_is_a_422(client: TestClient, county: World) -> None:
    response = client.get("/api/v1/schools", params={"limit": 501}, headers=county.coordinator)
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.limit"


def test_a_token_asking_too_fast_gets_429_with_retry_after(
    database_url: str, county: World
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_second=1, rate_limit_burst=3)
    application = create_app(settings)
    limited = TestClient(application)
    try:
        answers = [limited.get("/api/v1/me", headers=county.coordinator) for _ in range(4)]
        assert [a.status_code for a in answers[:3]] == [200, 200, 200]
        assert answers[3].status_code == 429
        assert int(answers[3].headers["Retry-After"]) >= 1
        assert answers[3].json()["error"]["code"] == "rate_limited"
        # Another token has its own bucket.
        other = limited.get("/api/v1/me", headers=county.staff["squad"])
        assert other.status_code == 200
    finally:
        application.state.engine.dispose()


def test_buckets_refill_with_time() -> None:
    buckets = TokenBuckets(rate=2.0, burst=1.0)
    assert buckets.take("t", now=0.0) == 0
    assert buckets.take("t", now=0.1) == pytest.approx(0.4)
    assert buckets.take("t", now=0.5) == 0
