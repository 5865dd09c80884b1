"""Placement solves share the weekly solve's queue and slots, and stay inside their county."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.solves.models import Solve
from app.vice_principals.models import VicePrincipal
from tests.lifecycle.conftest import wait_for_solve
from tests.world import World

BASE = "/api/v1/terms/2026-2/placements"


def test_one_placement_solve_at_a_time_per_county_beside_the_weekly_ones(
    session: Session, client: TestClient, county: World
) -> None:
    # The first queue use starts the embedded worker, which fails every solve it finds
    # queued (lost by a restart): start it before adding rows that must stay queued.
    client.get("/api/v1/solves/1", headers=county.coordinator)
    weekly = Solve(county_id=county.county_id, week="2026-W40", status="queued")
    waiting = Solve(
        county_id=county.county_id, kind="placement", week="", term_id=county.ids["terms"]
    )
    session.add_all([weekly, waiting])
    session.commit()  # a queued weekly solve does not hold the placement slot, nor back
    try:
        response = client.post(f"{BASE}/solve", json={"seconds": 1}, headers=county.coordinator)
        assert response.status_code == 409
        error = response.json()["error"]
        assert error["code"] == "solve_in_progress" and error["details"][0]["field"] == "solve_id"
    finally:
        weekly.status = waiting.status = "cancelled"
        session.commit()


def test_a_county_sees_its_own_term_of_the_same_code_only(
    client: TestClient, county: World, other_county: World, solving: None
) -> None:
    started = client.post(f"{BASE}/solve", json={"seconds": 2}, headers=county.coordinator)
    assert started.status_code == 202, started.text
    assert started.headers["Location"] == f"/api/v1/solves/{started.json()['id']}"
    assert started.json()["term_id"] == county.ids["terms"] and started.json()["week"] == ""
    done = wait_for_solve(client, county.coordinator, started.json()["id"])[-1]
    assert done["status"] == "succeeded", done
    own = client.get(BASE, headers=county.coordinator).json()
    assert [p["vice_principal"]["id"] for p in own["placements"]] == [county.ids["vice-principals"]]
    # The other county has a term coded 2026-2 too, but no placements of its own.
    other = client.get(BASE, headers=other_county.coordinator)
    assert other.status_code == 404 and other.json()["error"]["code"] == "no_placements"
    assert (
        client.get(
            f"/api/v1/solves/{started.json()['id']}", headers=other_county.coordinator
        ).status_code
        == 404
    )


def test_only_a_vice_principal_token_has_a_placement_of_its_own(
    client: TestClient, county: World
) -> None:
    url = "/api/v1/me/placement?term=2026-2"
    for kind in ("squad", "teacher"):
        response = client.get(url, headers=county.staff[kind])
        assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    unknown = client.get("/api/v1/me/placement?term=1999-1", headers=county.staff["vice_principal"])
    assert unknown.status_code == 404


def test_a_lock_broken_by_later_edits_fails_the_solve_with_a_reason(
    session: Session, client: TestClient, county: World, solving: None
) -> None:
    person, post = county.ids["vice-principals"], county.ids["posts"]
    locked = client.put(
        f"{BASE}/locks/{person}", json={"post_id": post}, headers=county.coordinator
    )
    assert locked.status_code == 200, locked.text
    # The candidate moves to a middle school's phase after the lock was set.
    row = session.get(VicePrincipal, person)
    assert row is not None
    row.phase = "middle"
    session.commit()
    started = client.post(f"{BASE}/solve", json={"seconds": 1}, headers=county.coordinator)
    assert started.status_code == 202
    done = wait_for_solve(client, county.coordinator, started.json()["id"])[-1]
    assert done["status"] == "failed"
    assert done["error"]["code"] == "lock_invalid" and done["error"]["message"]
