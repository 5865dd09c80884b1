"""Travel minutes from the database: the uploaded matrix, the OSRM cache, county settings."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.counties.models import County
from app.travel import Place, TravelError
from app.travel.service import great_circle, travel_minutes
from tests.imports.sheets import csv_text
from tests.travel.osrm_server import osrm_server
from tests.world import World


def upload_matrix(
    client: TestClient, world: World, text: str, encoding: str = "utf-8", dry_run: bool = False
) -> object:
    return client.post(
        "/api/v1/travel/matrix",
        params={"dry_run": str(dry_run).lower()},
        files={"file": ("路程.csv", text.encode(encoding), "text/csv")},
        headers=world.coordinator,
    )


def places_of(client: TestClient, world: World) -> list[Place]:
    """The county's two schools and its squad's base, as the solve mapping names them."""
    schools = client.get("/api/v1/schools", headers=world.coordinator).json()["items"]
    squad = client.get("/api/v1/squads", headers=world.coordinator).json()["items"][0]
    found = [Place(s["code"], s["latitude"], s["longitude"]) for s in schools]
    return [*found, Place("base:squad:SQ1", squad["base_latitude"], squad["base_longitude"])]


def minutes_now(session: Session, world: World, places: list[Place]) -> list[list[int]]:
    session.expire_all()
    county = session.get(County, world.county_id)
    assert county is not None
    return travel_minutes(session, county, places)


def test_uploaded_matrix_overrides_the_estimate_both_ways(
    client: TestClient, county: World, session: Session
) -> None:
    places = places_of(client, county)
    before = minutes_now(session, county, places)
    response = upload_matrix(
        client, county, csv_text([["起点代码", "终点代码", "分钟"], ["SQ1", "S01", 95]])
    )
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    after = minutes_now(session, county, places)
    s01, base = 0, 2
    assert before[base][s01] != 95
    assert after[base][s01] == 95 and after[s01][base] == 95
    # Pairs the matrix does not list keep the county's estimate.
    assert after[0][1] == before[0][1]


def test_a_moved_school_stops_using_its_uploaded_rows(
    client: TestClient, county: World, session: Session
) -> None:
    assert upload_matrix(client, county, csv_text([["S01", "S02", 77]])).status_code == 200  # type: ignore[attr-defined]
    assert minutes_now(session, county, places_of(client, county))[0][1] == 77
    school = f"/api/v1/schools/{county.ids['schools']}"
    assert (
        client.patch(school, json={"latitude": 39.3}, headers=county.coordinator).status_code == 200
    )
    moved = minutes_now(session, county, places_of(client, county))
    assert moved[0][1] != 77
    listing = client.get("/api/v1/travel/matrix", headers=county.coordinator).json()
    assert listing["entries"][0]["stale"] is True


def test_matrix_rows_are_checked_and_listed_all_at_once(client: TestClient, county: World) -> None:
    text = csv_text(
        [
            ["from", "to", "minutes"],
            ["S01", "NOPE", 10],
            ["S01", "S02", "半小时"],
            ["S02", "S02", 5],
        ]
    )
    response = upload_matrix(client, county, text, "gb18030")
    assert response.status_code == 422  # type: ignore[attr-defined]
    details = response.json()["error"]["details"]  # type: ignore[attr-defined]
    assert [(d["row"], d["column"]) for d in details] == [
        (2, "终点代码"),
        (3, "分钟"),
        (4, "终点代码"),
    ]
    assert "NOPE" in details[0]["message_en"]
    listing = client.get("/api/v1/travel/matrix", headers=county.coordinator).json()
    assert listing["count"] == 0


def test_osrm_answers_are_cached_until_a_place_moves(
    client: TestClient, county: World, session: Session
) -> None:
    places = places_of(client, county)
    with osrm_server() as (url, state):
        row = session.get(County, county.county_id)
        assert row is not None
        row.travel_provider, row.osrm_url = "osrm", url
        session.commit()
        first = travel_minutes(session, row, places)
        asked = len(state.requests)
        assert asked > 0
        assert travel_minutes(session, row, places) == first
        assert len(state.requests) == asked  # served from travel_times
        moved = [Place(places[0].code, places[0].lat + 0.2, places[0].lon), *places[1:]]
        again = travel_minutes(session, row, moved)
        assert len(state.requests) > asked
        assert again[0][1] != first[0][1]


def test_a_broken_osrm_server_falls_back_or_fails_as_configured(
    client: TestClient, county: World, session: Session
) -> None:
    places = places_of(client, county)
    row = session.get(County, county.county_id)
    assert row is not None
    with osrm_server("garbage") as (url, _):
        row.travel_provider, row.osrm_url, row.travel_fallback = "osrm", url, True
        assert travel_minutes(session, row, places) == great_circle(row).minutes(places)
        row.travel_fallback = False
        try:
            travel_minutes(session, row, places)
        except TravelError as err:
            assert "JSON" in err.message_en
        else:
            raise AssertionError("expected a TravelError")
    session.rollback()


def test_county_travel_settings_are_validated(client: TestClient, county: World) -> None:
    path = f"/api/v1/counties/{county.county_id}"
    ok = client.patch(
        path,
        json={"travel_provider": "osrm", "osrm_url": "http://127.0.0.1:5000"},
        headers=county.coordinator,
    )
    assert ok.status_code == 200 and ok.json()["travel_fallback"] is True
    bad = client.patch(path, json={"travel_provider": "google"}, headers=county.coordinator)
    assert bad.status_code == 422
