"""Calendar feeds: who may create, see and revoke them; only the secret's hash is kept."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import select

from app.assignments.models import CalendarFeed
from app.core.security import hash_secret
from tests.world import World

FEEDS = "/api/v1/calendar-feeds"


def test_a_coordinator_makes_a_feed_for_a_teacher_and_can_revoke_it(
    app: FastAPI, client: TestClient, county: World
) -> None:
    teacher = county.ids["teachers"]
    body = {"staff_kind": "teacher", "staff_id": teacher, "label": "手机日历"}
    created = client.post(FEEDS, json=body, headers=county.coordinator)
    assert created.status_code == 201, created.text
    feed = created.json()
    assert feed["url"].endswith(f"/api/v1/calendar/{feed['secret']}.ics")
    with app.state.sessions() as session:
        stored = session.scalar(select(CalendarFeed).where(CalendarFeed.id == feed["id"]))
        assert stored is not None and stored.secret_sha256 == hash_secret(feed["secret"])
        assert feed["secret"] not in {stored.label, stored.secret_sha256}
    # No plan is published yet: a valid, empty calendar.
    ics = client.get(f"/api/v1/calendar/{feed['secret']}.ics")
    assert ics.status_code == 200
    assert Calendar.from_ical(ics.content).walk("VEVENT") == []
    # The teacher sees it among their own feeds; the squad does not.
    mine = client.get(FEEDS, headers=county.staff["teacher"]).json()
    assert [f["id"] for f in mine] == [feed["id"]]
    assert client.get(FEEDS, headers=county.staff["squad"]).json() == []
    assert client.delete(f"{FEEDS}/{feed['id']}", headers=county.staff["squad"]).status_code == 404
    revoked = client.delete(f"{FEEDS}/{feed['id']}", headers=county.coordinator)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert client.get(f"/api/v1/calendar/{feed['secret']}.ics").status_code == 404


def test_staff_subscribe_only_to_their_own_calendar(client: TestClient, county: World) -> None:
    own = client.post(FEEDS, json={}, headers=county.staff["squad"])
    assert own.status_code == 201
    assert (own.json()["staff_kind"], own.json()["staff_id"]) == ("squad", county.ids["squads"])
    other = {"staff_kind": "teacher", "staff_id": county.other_teacher_id}
    refused = client.post(FEEDS, json=other, headers=county.staff["teacher"])
    assert refused.status_code == 403
    assert set(refused.json()["error"]) == {"code", "message", "message_en", "details"}


def test_feeds_of_another_county_are_invisible(
    client: TestClient, county: World, other_county: World
) -> None:
    body = {"staff_kind": "squad", "staff_id": county.ids["squads"]}
    feed = client.post(FEEDS, json=body, headers=county.coordinator).json()
    assert client.get(FEEDS, headers=other_county.coordinator).json() == []
    gone = client.delete(f"{FEEDS}/{feed['id']}", headers=other_county.coordinator)
    assert gone.status_code == 404
    foreign = {"staff_kind": "squad", "staff_id": other_county.ids["squads"]}
    assert client.post(FEEDS, json=foreign, headers=county.coordinator).status_code == 422


def test_unknown_secrets_are_not_found(client: TestClient) -> None:
    assert client.get("/api/v1/calendar/cal_nothing.ics").status_code == 404
    assert client.get(f"/api/v1/calendar/{'x' * 300}.ics").status_code == 422


def test_the_phone_feed_is_for_staff_tokens_and_empty_before_publishing(
    client: TestClient, county: World
) -> None:
    url = "/api/v1/me/assignments?week=2026-W48"
    assert client.get(url, headers=county.coordinator).status_code == 403
    empty = client.get(url, headers=county.staff["vice_principal"])
    assert empty.status_code == 200
    assert empty.json()["items"] == [] and empty.json()["version"] is None
    since = client.get(url + "&since=1", headers=county.staff["squad"])
    assert since.status_code == 200 and since.json()["items"] == []
