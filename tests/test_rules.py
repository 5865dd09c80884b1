"""Domain rules each resource adds to the generic validation."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.world import World


def fields_of(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    return [d["field"] for d in response.json()["error"]["details"]]


@pytest.mark.parametrize(
    ("path", "patch", "field"),
    [
        ("terms", {"end_date": "2026-08-01"}, "body.end_date"),
        ("needs", {"valid_to": "2026-08-01"}, "body.valid_to"),
        ("needs", {"skill": "冲浪"}, "body.skill"),
        ("needs", {"preferred_weekdays": [1, 1]}, "body.preferred_weekdays"),
        ("closures", {"end_date": "2026-09-30"}, "body.end_date"),
        (
            "squads",
            {"availability": [{"weekday": 2, "start": "15:00", "end": "09:00"}]},
            "body.availability.0",
        ),
        (
            "squads",
            {"availability": [{"weekday": 8, "start": "08:00", "end": "09:00"}]},
            "body.availability.0.weekday",
        ),
        ("squads", {"paired_township_ids": [987654]}, "body.paired_township_ids"),
        ("teachers", {"base_latitude": 10}, "body.base_latitude"),
        ("teachers", {"role": "janitor"}, "body.role"),
        ("vice-principals", {"preferences": [987654]}, "body.preferences"),
        ("posts", {"direction": "rotation"}, "body.host_school_id"),
        ("townships", {"longitude": 140}, "body.longitude"),
    ],
)
def test_invalid_changes_are_refused_naming_the_field(
    client: TestClient, county: World, path: str, patch: dict[str, Any], field: str
) -> None:
    url = f"/api/v1/{path}/{county.ids[path]}"
    before = client.get(url, headers=county.coordinator).json()
    assert field in fields_of(client.patch(url, json=patch, headers=county.coordinator))
    assert client.get(url, headers=county.coordinator).json() == before


def test_direction_aliases_are_stored_in_chinese(client: TestClient, county: World) -> None:
    post = client.get(f"/api/v1/posts/{county.ids['posts']}", headers=county.coordinator).json()
    assert post["direction"] == "挂职"


def test_search_and_filters_narrow_the_list(client: TestClient, county: World) -> None:
    headers = county.coordinator
    found = client.get("/api/v1/schools?q=教学点", headers=headers).json()
    assert [s["code"] for s in found["items"]] == ["S01"]
    teachers = client.get("/api/v1/teachers?role=psychology&sort=-code", headers=headers).json()
    assert [t["code"] for t in teachers["items"]] == ["PT2", "PT1"]
    assert client.get("/api/v1/cases?active=true", headers=headers).json()["total"] == 2
    assert client.get("/api/v1/cases?active=false", headers=headers).json()["total"] == 0
