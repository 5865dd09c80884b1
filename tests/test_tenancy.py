"""No request ever sees another county's rows."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.test_permissions import ROUTE_TABLE
from tests.world import WORLD_COLLECTIONS, World

# County-scoped collections (a list route with an item route beside it) that
# tests/world.py fills; a new collection joins this test by adding a row there.
_GETS = {e.path for e in ROUTE_TABLE if e.method == "GET" and e.rules[0].county != "none"}
COLLECTIONS = sorted(
    path.removeprefix("/api/v1/") for path in _GETS if f"{path}/{{row_id}}" in _GETS
)
COLLECTIONS = [c for c in COLLECTIONS if c in WORLD_COLLECTIONS]


def test_every_county_collection_is_covered() -> None:
    base = {"counties", "townships", "schools", "squads", "teachers", "cases", "needs"}
    assert base | {"terms", "posts", "vice-principals", "closures"} <= set(COLLECTIONS)


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_lists_show_only_the_callers_county(
    client: TestClient, county: World, other_county: World, collection: str
) -> None:
    response = client.get(f"/api/v1/{collection}?limit=500", headers=county.coordinator)
    assert response.status_code == 200
    items = response.json()["items"]
    assert items, "the county has rows of every kind"
    owners = {item.get("county_id", item["id"]) for item in items}
    assert owners == {county.county_id}
    theirs = client.get(
        f"/api/v1/{collection}/{other_county.ids[collection]}", headers=county.coordinator
    )
    assert theirs.status_code == 404


def test_admin_chooses_the_county_with_a_header(
    client: TestClient, admin: dict[str, str], county: World, other_county: World
) -> None:
    for world in (county, other_county):
        response = client.get(
            "/api/v1/schools", headers={**admin, "X-County-Id": str(world.county_id)}
        )
        assert {s["county_id"] for s in response.json()["items"]} == {world.county_id}
    missing = client.get("/api/v1/schools", headers=admin)
    assert missing.status_code == 422
    assert missing.json()["error"]["details"][0]["field"] == "header.x-county-id"


def test_writes_cannot_reach_into_another_county(
    client: TestClient, county: World, other_county: World
) -> None:
    url = f"/api/v1/schools/{other_county.ids['schools']}"
    assert client.patch(url, json={"pupils": 1}, headers=county.coordinator).status_code == 404
    assert client.delete(url, headers=county.coordinator).status_code == 404
    # Pointing a new row at another county's township is refused like an unknown id.
    body = {
        "code": "S77",
        "name": "越界学校",
        "kind": "村小",
        "township_id": other_county.ids["townships"],
        "latitude": 39.0,
        "longitude": 100.0,
    }
    response = client.post("/api/v1/schools", json=body, headers=county.coordinator)
    assert response.status_code == 422
    seen = client.get(url, headers=other_county.coordinator).json()
    assert seen["pupils"] == 0 and seen["version"] == 1


def test_same_codes_may_exist_in_two_counties(county: World, other_county: World) -> None:
    # Both worlds created school S01 and township T01: codes are unique per county only.
    assert county.ids["schools"] != other_county.ids["schools"]
