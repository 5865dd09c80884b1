from __future__ import annotations

from fastapi.testclient import TestClient

from tests.world import World


def test_staff_see_the_profile_they_are_bound_to(client: TestClient, county: World) -> None:
    for kind, path in (
        ("squad", "squads"),
        ("teacher", "teachers"),
        ("vice_principal", "vice-principals"),
    ):
        me = client.get("/api/v1/me", headers=county.staff[kind]).json()
        assert me["role"] == "staff" and me["staff_kind"] == kind
        assert me["county_id"] == county.county_id
        assert me["profile"]["id"] == county.ids[path]


def test_coordinator_has_no_profile(client: TestClient, county: World) -> None:
    me = client.get("/api/v1/me", headers=county.coordinator).json()
    assert me == {
        "role": "coordinator",
        "county_id": county.county_id,
        "staff_kind": None,
        "profile": None,
    }
