"""Reviewing and fixing a draft by hand: move (checked by the solver's checker), pin,
delete, publish; published versions never change."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.plans.models import PlanVersion, Visit
from app.plans.service import compare
from tests.lifecycle.conftest import wait_for_solve
from tests.world import World

WEEK = "/api/v1/weeks/2026-W48"


def solved(client: TestClient, county: World) -> dict[str, Any]:
    """The small county's week solved; returns its plan by staff."""
    response = client.post(f"{WEEK}/solves", json={"seconds": 2}, headers=county.coordinator)
    assert response.status_code == 202, response.text
    final = wait_for_solve(client, county.coordinator, response.json()["id"])[-1]
    assert final["status"] == "succeeded", final
    plan = client.get(f"{WEEK}/plan", headers=county.coordinator).json()
    assert plan["visit_count"] >= 1
    return plan


def squad_visit(plan: dict[str, Any]) -> dict[str, Any]:
    visits = [v for g in plan["groups"] for v in g["visits"] if v["staff_kind"] == "squad"]
    assert visits, "the squad should visit S01 on Tuesday"
    return visits[0]


@pytest.mark.usefixtures("solving")
def test_a_move_is_checked_and_refused_with_what_breaks(client: TestClient, county: World) -> None:
    visit = squad_visit(solved(client, county))
    assert visit["date"] == "2026-11-24"
    url = f"{WEEK}/plan/visits/{visit['id']}/move"
    # Wednesday: the squad does not work then.
    wednesday = client.post(url, json={"date": "2026-11-25"}, headers=county.coordinator)
    assert wednesday.status_code == 422
    assert wednesday.json()["error"]["code"] == "move_infeasible"
    kinds = {d["field"].split("@")[0] for d in wednesday.json()["error"]["details"]}
    assert "staff_unavailable" in kinds
    # 07:00 is before the school opens and before the squad could drive there.
    early = client.post(url, json={"start": "07:00"}, headers=county.coordinator)
    assert early.status_code == 422
    kinds = {d["field"].split("@")[0] for d in early.json()["error"]["details"]}
    assert "school_hours" in kinds
    assert all(d["message"] and d["message_en"] for d in early.json()["error"]["details"])
    # Nothing was written by the refused moves.
    again = client.get(f"{WEEK}/plan", headers=county.coordinator).json()
    assert squad_visit(again)["start"] == visit["start"]
    # A feasible time is applied, re-timed, and reports no violations.
    fine = client.post(url, json={"start": "15:00"}, headers=county.coordinator)
    assert fine.status_code == 200, fine.text
    assert fine.json()["visit"]["start"] == "15:00"
    assert fine.json()["violations"] == []
    # Forced: applied, with the violations kept on the visit for everyone to see.
    forced = client.post(url, json={"start": "07:00", "force": True}, headers=county.coordinator)
    assert forced.status_code == 200
    assert {v["kind"] for v in forced.json()["visit"]["forced_violations"]} >= {"school_hours"}


@pytest.mark.usefixtures("solving")
def test_published_versions_never_change_edits_make_a_new_draft(
    client: TestClient, county: World
) -> None:
    visit = squad_visit(solved(client, county))
    published = client.post(f"{WEEK}/plan/publish", headers=county.coordinator)
    assert published.status_code == 200 and published.json()["status"] == "published"
    number = published.json()["number"]
    twice = client.post(f"{WEEK}/plan/publish", headers=county.coordinator)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "already_published"

    pinned = client.patch(
        f"{WEEK}/plan/visits/{visit['id']}", json={"pinned": True}, headers=county.coordinator
    )
    assert pinned.status_code == 200, pinned.text
    draft = pinned.json()["version"]
    assert draft["status"] == "draft" and draft["number"] == number + 1
    assert draft["copied_from_id"] == published.json()["id"]
    assert pinned.json()["visit"]["pinned"] and pinned.json()["visit"]["id"] != visit["id"]
    # The published version still reads as it was published.
    old = client.get(f"{WEEK}/plan?version={number}", headers=county.coordinator).json()
    assert old["version"]["status"] == "published"
    assert not squad_visit(old)["pinned"]
    # Its visits belong to an older version now: editing them is refused.
    stale = client.delete(f"{WEEK}/plan/visits/{visit['id']}", headers=county.coordinator)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
    # Deleting from the draft, then the diff against the published version shows it.
    new_id = pinned.json()["visit"]["id"]
    deleted = client.delete(f"{WEEK}/plan/visits/{new_id}", headers=county.coordinator)
    assert deleted.status_code == 200
    diff = client.get(f"{WEEK}/plan/diff", headers=county.coordinator).json()
    assert diff["against"]["number"] == number
    assert [v["need_id"] for v in diff["removed"]] == [visit["need_id"]]
    assert diff["added"] == [] and diff["moved"] == []


def test_other_counties_and_staff_cannot_touch_a_plan(
    client: TestClient, county: World, other_county: World
) -> None:
    assert client.get(f"{WEEK}/plan", headers=county.staff["squad"]).status_code == 403
    missing = client.get(f"{WEEK}/plan", headers=county.coordinator)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "no_plan"
    solve = client.post(f"{WEEK}/solves", json={"seconds": 1}, headers=other_county.coordinator)
    assert solve.status_code == 202
    solve_id = solve.json()["id"]
    assert client.get(f"/api/v1/solves/{solve_id}", headers=county.coordinator).status_code == 404
    cancel = client.delete(f"/api/v1/solves/{solve_id}", headers=county.coordinator)
    assert cancel.status_code == 404
    client.delete(f"/api/v1/solves/{solve_id}", headers=other_county.coordinator)


def test_a_cancelled_solve_frees_the_week_and_writes_nothing(
    client: TestClient, county: World
) -> None:
    first = client.post(f"{WEEK}/solves", json={"seconds": 1}, headers=county.coordinator)
    assert first.status_code == 202
    cancelled = client.delete(f"/api/v1/solves/{first.json()['id']}", headers=county.coordinator)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = client.delete(f"/api/v1/solves/{first.json()['id']}", headers=county.coordinator)
    assert again.status_code == 409 and again.json()["error"]["code"] == "solve_finished"
    second = client.post(f"{WEEK}/solves", json={"seconds": 1}, headers=county.coordinator)
    assert second.status_code == 202
    client.delete(f"/api/v1/solves/{second.json()['id']}", headers=county.coordinator)
    listed = client.get(f"{WEEK}/solves", headers=county.coordinator).json()
    assert [s["status"] for s in listed["items"]] == ["cancelled", "cancelled"]
    assert client.get(f"{WEEK}/plan/versions", headers=county.coordinator).json() == []


@pytest.mark.usefixtures("solving")
def test_a_need_missed_last_week_is_carried_over_and_marked(
    app: FastAPI, client: TestClient, county: World
) -> None:
    with app.state.sessions() as session:
        # Week 47 was published and the need got nothing.
        session.add(
            PlanVersion(county_id=county.county_id, week="2026-W47", number=1, status="published")
        )
        session.commit()
    visit = squad_visit(solved(client, county))
    assert visit["need_id"] == county.ids["needs"] and visit["carried_over"] is True


def test_the_diff_pairs_a_session_that_changed_day_as_moved() -> None:
    def visit(visit_id: int, need_id: int, day: int, start: int = 600) -> Visit:
        return Visit(
            id=visit_id,
            staff_kind="squad",
            squad_id=1,
            day=date(2026, 11, day),
            school_id=1,
            need_id=need_id,
            skill="合唱",
            start_minute=start,
            end_minute=start + 60,
            arrival_minute=start,
        )

    before = [visit(1, 10, 24), visit(2, 11, 24), visit(3, 12, 25)]
    now = [visit(4, 10, 24), visit(5, 11, 26), visit(6, 13, 26)]
    added, removed, moved, unchanged = compare(before, now)
    assert unchanged == 1
    assert [(a.id, b.id) for a, b in moved] == [(2, 5)]
    assert [v.id for v in removed] == [3] and [v.id for v in added] == [6]
