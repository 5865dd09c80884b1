"""Issue 7's "Done when", end to end on the demo county.

A coordinator starts a solve, watches progress, gets a draft with KPIs and reasons, pins two
visits, re-solves (pins kept, change count reported), publishes; a staff token fetches only
its own visits and gets 304 for the same ETag; the .ics parses with Asia/Shanghai times.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import select

from app.cases.models import Case
from app.plans.reasons import REASONS
from app.tokens.service import issue
from tests.lifecycle.conftest import wait_for_solve

# A week of its own: other suites write drafts of the shared demo county's 2026-W48.
LABEL = "2026-W49"
WEEK = f"/api/v1/weeks/{LABEL}"
FEED = f"/api/v1/me/assignments?week={LABEL}"
# The demo county's week takes the solver ~15 s to search well; shorter limits test less.
SOLVE = {"seconds": 20, "seed": 7}


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def visits_of(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for group in plan["groups"] for v in group["visits"]]


def solve(client: TestClient, headers: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    response = client.post(f"{WEEK}/solves", json=SOLVE, headers=headers)
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == f"/api/v1/solves/{response.json()['id']}"
    seen = wait_for_solve(client, headers, response.json()["id"])
    return seen[-1], [s["progress"]["phase"] for s in seen if s["status"] == "running"]


@pytest.mark.usefixtures("solving")
def test_the_coordinators_week_and_the_field_staffs_phones(
    app: FastAPI, client: TestClient, demo_county_id: int
) -> None:
    with app.state.sessions() as session:
        coordinator = bearer(issue(session, "coordinator", demo_county_id).secret)

    versions = client.get(f"{WEEK}/plan/versions", headers=coordinator).json()
    last = max((v["number"] for v in versions), default=0)

    # 1. Solve in the background and watch it.
    first, phases = solve(client, coordinator)
    assert first["status"] == "succeeded", first
    assert first["plan_version"] == last + 1 and first["progress"]["elapsed_seconds"] > 0
    assert {"building", "searching"} & set(phases), "progress was visible while running"
    assert first["progress"]["extra"]["sessions_placed"] > 0

    # 2. The draft: views, KPIs, every unscheduled session with its reason.
    draft = client.get(f"{WEEK}/plan?view=staff", headers=coordinator).json()
    assert draft["version"]["status"] == "draft" and draft["visit_count"] > 0
    for view in ("school", "day"):
        other = client.get(f"{WEEK}/plan?view={view}", headers=coordinator).json()
        assert sorted(v["id"] for v in visits_of(other)) == sorted(
            v["id"] for v in visits_of(draft)
        )
    kpis = client.get(f"{WEEK}/plan/kpis", headers=coordinator).json()
    assert kpis["kpis"]["sessions_placed"] == draft["visit_count"] == kpis["sessions_placed_now"]
    assert 0 < kpis["kpis"]["coverage_to_bound"] <= 1
    assert kpis["kpis"]["travel_by_staff"] and "travel_per_staff" in kpis["kpis"]
    unscheduled = client.get(f"{WEEK}/plan/unscheduled", headers=coordinator).json()["items"]
    missing = kpis["kpis"]["sessions_requested"] - kpis["kpis"]["sessions_placed"]
    assert sum(u["sessions_missing"] for u in unscheduled) == missing
    assert all(u["reason"] in REASONS and u["message"] and u["message_en"] for u in unscheduled)

    # 3. Pin two visits of two different staff members.
    visits = visits_of(draft)
    pins = [visits[0], next(v for v in visits if v["staff_id"] != visits[0]["staff_id"])]
    for visit in pins:
        response = client.patch(
            f"{WEEK}/plan/visits/{visit['id']}", json={"pinned": True}, headers=coordinator
        )
        assert response.status_code == 200 and response.json()["visit"]["pinned"]

    # 4. Re-solve: the pins stay where they were, and the change count is reported.
    second, _ = solve(client, coordinator)
    assert second["status"] == "succeeded" and second["plan_version"] == last + 2
    assert isinstance(second["changes"], int)
    redrafted = visits_of(client.get(f"{WEEK}/plan", headers=coordinator).json())
    for pin in pins:
        kept = [
            v
            for v in redrafted
            if (v["staff_kind"], v["staff_id"], v["date"], v["need_id"], v["case_id"])
            == (pin["staff_kind"], pin["staff_id"], pin["date"], pin["need_id"], pin["case_id"])
        ]
        assert len(kept) == 1 and kept[0]["pinned"], pin

    # 5. Publish.
    published = client.post(f"{WEEK}/plan/publish", headers=coordinator)
    assert published.status_code == 200 and published.json()["number"] == last + 2

    # 6. A squad's phone: only its own visits, then 304 for the same ETag.
    squad_id = pins[0]["staff_id"] if pins[0]["staff_kind"] == "squad" else None
    squad_visits = [v for v in redrafted if v["staff_kind"] == "squad"]
    squad_id = squad_id or squad_visits[0]["staff_id"]
    mine = [v for v in redrafted if v["staff_kind"] == "squad" and v["staff_id"] == squad_id]
    with app.state.sessions() as session:
        squad = bearer(issue(session, "staff", demo_county_id, "squad", squad_id).secret)
    feed = client.get(FEED, headers=squad)
    assert feed.status_code == 200
    body = feed.json()
    assert body["version"] == last + 2
    assert sorted((i["date"], i["start"], i["school"]["id"]) for i in body["items"]) == sorted(
        (v["date"], v["start"], v["school_id"]) for v in mine
    )
    assert all(i["case_code"] is None and i["travel_hint"] for i in body["items"])
    etag = feed.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    cached = client.get(FEED, headers={**squad, "If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b""

    # 7. A psychology teacher sees their own case codes and nobody else's.
    case_visit = next(v for v in redrafted if v["case_code"] is not None)
    teacher_id = case_visit["staff_id"]
    with app.state.sessions() as session:
        teacher = bearer(issue(session, "staff", demo_county_id, "teacher", teacher_id).secret)
        own_codes = set(
            session.scalars(select(Case.code).where(Case.teacher_id == teacher_id)).all()
        )
    items = client.get(FEED, headers=teacher).json()["items"]
    codes = {i["case_code"] for i in items if i["case_code"]}
    assert case_visit["case_code"] in codes and codes <= own_codes

    # 8. The calendar feed parses, with the right wall-clock times in Asia/Shanghai.
    created = client.post("/api/v1/calendar-feeds", json={}, headers=squad)
    assert created.status_code == 201, created.text
    secret = created.json()["secret"]
    ics = client.get(f"/api/v1/calendar/{secret}.ics")
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    shanghai = ZoneInfo("Asia/Shanghai")
    days = {i["date"] for i in body["items"]}
    # The feed spans every published week; this test owns only its own.
    starts = sorted(
        start
        for event in Calendar.from_ical(ics.content).walk("VEVENT")
        if (start := event.decoded("dtstart")).date().isoformat() in days
    )
    expected = sorted(
        datetime.combine(
            datetime.fromisoformat(i["date"]).date(),
            time.fromisoformat(i["start"]),
            tzinfo=shanghai,
        )
        for i in body["items"]
    )
    assert starts == expected
    assert all(s.utcoffset() == timedelta(hours=8) for s in starts)
    revoked = client.delete(f"/api/v1/calendar-feeds/{created.json()['id']}", headers=squad)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert client.get(f"/api/v1/calendar/{secret}.ics").status_code == 404

    # 9. A later edit makes version 3; the phone asks only for what changed since 2.
    gone = mine[0]
    assert client.delete(f"{WEEK}/plan/visits/{gone['id']}", headers=coordinator).is_success
    assert client.post(f"{WEEK}/plan/publish", headers=coordinator).json()["number"] == last + 3
    changes = client.get(f"{FEED}&since={last + 2}", headers={**squad, "If-None-Match": etag})
    assert changes.status_code == 200 and changes.headers["ETag"] != etag
    delta = changes.json()
    assert delta["version"] == last + 3 and delta["since"] == last + 2
    assert len(delta["removed"]) == 1 and delta["removed"][0].startswith(gone["date"])
    # The rest of that day was re-timed (new legs, arrivals); other days did not change.
    assert {i["date"] for i in delta["items"]} <= {gone["date"]}
    assert len(delta["items"]) < len(body["items"])
