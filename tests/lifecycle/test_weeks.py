"""ISO weeks in paths and queries: valid ones parse, anything else is a 422 naming it."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.core.errors import ApiError
from app.planning.weeks import parse_week, week_of
from tests.world import World


def test_a_week_runs_monday_to_sunday() -> None:
    week = parse_week("2026-W48")
    assert week.monday == date(2026, 11, 23)
    assert week.dates[-1] == date(2026, 11, 29)
    assert week_of(date(2026, 11, 29)) == week
    assert parse_week("2026-W53").monday == date(2026, 12, 28)  # 2026 has 53 ISO weeks


@pytest.mark.parametrize("text", ["2026-48", "2026-W54", "2025-W53", "2026-W00", "W48", "x"])
def test_malformed_weeks_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ApiError) as raised:
        parse_week(text)
    assert raised.value.status == 422
    assert raised.value.details[0].field == "path.week"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/weeks/2026-48/plan"),
        ("POST", "/api/v1/weeks/2026-W99/solves"),
        ("GET", "/api/v1/weeks/nonsense/solves"),
        ("POST", "/api/v1/weeks/2026-W60/plan/publish"),
    ],
)
def test_the_api_names_the_bad_week(
    client: TestClient, county: World, method: str, path: str
) -> None:
    response = client.request(method, path, headers=county.coordinator, json={})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert [d["field"] for d in error["details"]] == ["path.week"]
    assert error["details"][0]["message"] and error["details"][0]["message_en"]


def test_the_feed_names_its_query_parameter(client: TestClient, county: World) -> None:
    response = client.get("/api/v1/me/assignments?week=48", headers=county.staff["squad"])
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.week"
