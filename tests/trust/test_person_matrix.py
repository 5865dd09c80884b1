"""The authorization matrix's "own / other person" axis, for every route a staff token (or
nobody) may call. tests/test_permissions.py proves every route has one rule and walks role ×
county; here every route that admits staff or the public must say how it keeps one person
from another's data, so a new such route fails until it is added here and tested."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.main import create_app
from tests.routes import endpoints
from tests.trust.plans import WEEK, plan_with_case_visit
from tests.world import World, token

# route → how it separates people (checked below, cell by cell)
PERSON_SCOPING = {
    "GET /health": "public: no data",
    "GET /": "public: the desk's static page, data comes from the API",
    "GET /desk/desk.css": "public: static",
    "GET /desk/desk.js": "public: static",
    "GET /desk/i18n.js": "public: static",
    "GET /desk/map.js": "public: static",
    "GET /desk/plan.js": "public: static",
    "GET /desk/views.js": "public: static",
    "GET /api/v1/me": "self: no id in the request",
    "GET /api/v1/me/assignments": "self: no id in the request",
    # tested in tests/placements/test_review.py (own post only, drafts hidden)
    "GET /api/v1/me/placement": "self: no id in the request",
    "GET /api/v1/cases": "rows narrowed to the teacher's own cases",
    "GET /api/v1/cases/{row_id}": "another teacher's case is 404",
    "POST /api/v1/calendar-feeds": "staff may only name themselves (403)",
    "GET /api/v1/calendar-feeds": "rows narrowed to the caller's own feeds",
    "DELETE /api/v1/calendar-feeds/{feed_id}": "another person's feed is 404",
    "GET /api/v1/calendar/{secret}.ics": "the secret is the credential; unknown is 404",
}


def test_every_route_open_to_staff_or_the_public_declares_its_person_scoping() -> None:
    routes = endpoints(create_app(Settings(database_url="sqlite://")))
    open_to_people = {str(e) for e in routes if e.rules[0].public or "staff" in e.rules[0].roles}
    assert open_to_people == set(PERSON_SCOPING)


def other_teacher(client: TestClient, admin: dict[str, str], county: World) -> dict[str, str]:
    return token(
        client,
        admin,
        role="staff",
        county_id=county.county_id,
        staff_kind="teacher",
        staff_id=county.other_teacher_id,
    )


def test_cases_own_and_other_person(
    client: TestClient, admin: dict[str, str], county: World
) -> None:
    mine, theirs = county.staff["teacher"], other_teacher(client, admin, county)
    listed = client.get("/api/v1/cases", headers=mine).json()["items"]
    assert [c["id"] for c in listed] == [county.ids["cases"]]
    listed = client.get("/api/v1/cases", headers=theirs).json()["items"]
    assert [c["id"] for c in listed] == [county.other_case_id]
    assert client.get(f"/api/v1/cases/{county.other_case_id}", headers=mine).status_code == 404
    assert client.get(f"/api/v1/cases/{county.ids['cases']}", headers=theirs).status_code == 404
    for kind in ("squad", "vice_principal"):
        assert client.get("/api/v1/cases", headers=county.staff[kind]).status_code == 403


def test_assignments_show_only_the_callers_own_visits(
    client: TestClient, session: Session, admin: dict[str, str], county: World
) -> None:
    plan_with_case_visit(session, county, status="published")
    mine = client.get(
        "/api/v1/me/assignments", params={"week": WEEK}, headers=county.staff["teacher"]
    )
    assert mine.status_code == 200 and len(mine.json()["items"]) == 1
    theirs = client.get(
        "/api/v1/me/assignments",
        params={"week": WEEK},
        headers=other_teacher(client, admin, county),
    )
    assert theirs.status_code == 200 and theirs.json()["items"] == []
    assert "C-0001" not in theirs.text
    squad = client.get(
        "/api/v1/me/assignments", params={"week": WEEK}, headers=county.staff["squad"]
    )
    assert squad.json()["items"] == []
    coordinator = client.get(
        "/api/v1/me/assignments", params={"week": WEEK}, headers=county.coordinator
    )
    assert coordinator.status_code == 403


def test_calendar_feeds_own_and_other_person_and_county(
    client: TestClient, admin: dict[str, str], county: World, other_county: World
) -> None:
    mine, theirs = county.staff["teacher"], other_teacher(client, admin, county)
    feed = client.post("/api/v1/calendar-feeds", json={}, headers=mine)
    assert feed.status_code == 201
    feed_id = feed.json()["id"]
    assert [f["id"] for f in client.get("/api/v1/calendar-feeds", headers=mine).json()] == [feed_id]
    assert client.get("/api/v1/calendar-feeds", headers=theirs).json() == []
    # Another person may neither revoke it nor subscribe to someone else's week.
    assert client.delete(f"/api/v1/calendar-feeds/{feed_id}", headers=theirs).status_code == 404
    for_me = {"staff_kind": "teacher", "staff_id": county.ids["teachers"]}
    assert client.post("/api/v1/calendar-feeds", json=for_me, headers=theirs).status_code == 403
    # Another county's coordinator sees nothing of it; this county's coordinator manages it.
    elsewhere = other_county.coordinator
    assert client.get("/api/v1/calendar-feeds", headers=elsewhere).json() == []
    assert client.delete(f"/api/v1/calendar-feeds/{feed_id}", headers=elsewhere).status_code == 404
    assert [
        f["id"] for f in client.get("/api/v1/calendar-feeds", headers=county.coordinator).json()
    ] == [feed_id]
    assert (
        client.delete(f"/api/v1/calendar-feeds/{feed_id}", headers=county.coordinator).status_code
        == 200
    )
    assert client.get("/api/v1/calendar/cal_not-a-real-secret.ics").status_code == 404
