"""An uploaded matrix changes the travel minutes the weekly solve is built with."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.planning.instance import build_week
from app.planning.weeks import parse_week
from solver.routing import SearchLimits
from solver.week.solve import solve_week
from tests.imports.sheets import csv_text
from tests.world import World

# The test county's squad works Tuesdays; its need at S01 is valid from 2026-09-01.
WEEK = "2026-W48"


def squad_to_school(session: Session, world: World) -> int:
    session.expire_all()
    travel = build_week(session, world.county_id, parse_week(WEEK)).week.travel
    assert travel is not None
    index = {location: i for i, location in enumerate(travel.locations)}
    return travel.minutes[index["base:squad:SQ1"]][index["S01"]]


def test_uploaded_matrix_reaches_the_solve_instance(
    client: TestClient, county: World, session: Session
) -> None:
    before = squad_to_school(session, county)
    response = client.post(
        "/api/v1/travel/matrix",
        files={"file": ("m.csv", csv_text([["SQ1", "S01", before + 40]]).encode(), "text/csv")},
        headers=county.coordinator,
    )
    assert response.status_code == 200, response.text
    assert squad_to_school(session, county) == before + 40


def test_the_solved_route_drives_the_uploaded_minutes(
    client: TestClient, county: World, session: Session
) -> None:
    estimate = squad_to_school(session, county)
    uploaded = estimate + 15  # still fits the squad's daily travel limit both ways
    response = client.post(
        "/api/v1/travel/matrix",
        files={"file": ("m.csv", csv_text([["SQ1", "S01", uploaded]]).encode(), "text/csv")},
        headers=county.coordinator,
    )
    assert response.status_code == 200, response.text
    session.expire_all()
    build = build_week(session, county.county_id, parse_week(WEEK))
    plan = solve_week(build.week, SearchLimits(seconds=5, workers=1), seed=1)
    (day,) = [route for route in plan.routes if route.staff == "squad:SQ1" and route.visits]
    assert day.visits[0].school == "S01"
    assert day.visits[0].travel_minutes == uploaded
    assert day.travel_minutes == 2 * uploaded  # there and back, both from the matrix
