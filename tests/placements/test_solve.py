"""A placement solve of the demo county's term through the real queue, judged from outside."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from solver.placement import PlacementInstance, check_placements
from solver.placement.rules import broken_rule
from tests.placements.conftest import DemoTerm, read, result_from_api, solve, term_build


def most_placeable(instance: PlacementInstance) -> int:
    """The largest number of candidates any placement can seat (augmenting paths over the
    allowed pairs, seats as capacity) — computed without the CP-SAT model."""
    schools = {s.id: s for s in instance.schools}
    allowed = {
        c.id: [p.id for p in instance.posts if p.seats and broken_rule(schools, c, p) is None]
        for c in instance.candidates
    }
    seats = {p.id: p.seats for p in instance.posts}
    holders: dict[str, list[str]] = {p.id: [] for p in instance.posts}

    def place(candidate: str, seen: set[str]) -> bool:
        for post in allowed[candidate]:
            if post in seen:
                continue
            seen.add(post)
            if len(holders[post]) < seats[post]:
                holders[post].append(candidate)
                return True
            for other in list(holders[post]):
                if place(other, seen):
                    holders[post].remove(other)
                    holders[post].append(candidate)
                    return True
        return False

    return sum(place(c.id, set()) for c in instance.candidates)


def test_a_solve_places_every_candidate_it_can_and_breaks_no_hard_rule(
    app: FastAPI, client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    finished = solve(client, demo_term)
    body = read(client, demo_term, finished["progress"]["extra"]["placement_version"])
    instance = term_build(app, demo_term).instance
    assert len(instance.candidates) >= 30 and len(instance.posts) >= 30
    assert body["version"]["placed_count"] == most_placeable(instance)
    assert len(body["placements"]) + len(body["unplaced"]) == len(instance.candidates)
    assert check_placements(instance, result_from_api(body)) == []
    assert body["optimal"] is True and body["gap_percent"] == 0.0
    assert body["objective"] == sum(t["points"] for t in body["terms"])


def test_every_unplaced_candidate_and_open_post_says_why_in_both_languages(
    client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    solve(client, demo_term)
    body = read(client, demo_term)
    assert body["unplaced"], "the demo term has more candidates than reachable seats"
    for item in body["unplaced"] + body["unfilled"]:
        reason = item["reason"]
        assert reason["code"] and reason["message_en"]
        assert reason["message"] != "见英文说明", f"no zh-CN words for {reason['code']}"
    first = body["placements"][0]
    assert first["vice_principal"]["name"] and first["host_school"]["name"]
    assert first["direction"] in ("挂职", "轮岗")


def test_weights_are_shown_and_a_solve_may_override_them(
    client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    shown = client.get(f"{demo_term.base}/weights", headers=demo_term.coordinator)
    assert shown.status_code == 200
    defaults = {w["name"]: w["default"] for w in shown.json()}
    assert defaults["subject_fit"] == 20 and len(defaults) == 7
    finished = solve(client, demo_term, weights={"subject_fit": 77, "commute_per_km": 0})
    body = read(client, demo_term, finished["progress"]["extra"]["placement_version"])
    assert body["weights"] == {**defaults, "subject_fit": 77, "commute_per_km": 0}
    fit = next(t for t in body["terms"] if t["weight"] == 77)
    assert fit["points"] == 77 * fit["amount"]


def test_bad_solve_requests_answer_in_the_error_shape(
    client: TestClient, demo_term: DemoTerm
) -> None:
    for path, body, status in (
        ("/api/v1/terms/no-such-term/placements/solve", {}, 404),
        (f"{demo_term.base}/solve", {"weights": {"charm": 5}}, 422),
        (f"{demo_term.base}/solve", {"weights": {"preference": -1}}, 422),
        (f"{demo_term.base}/solve", {"seconds": 601}, 422),
        (f"{demo_term.base}/solve", {"seconds": "soon"}, 422),
    ):
        response = client.post(path, json=body, headers=demo_term.coordinator)
        assert response.status_code == status, (path, body, response.text)
        error = response.json()["error"]
        assert error["code"] and error["message"] and error["message_en"]
    missing = client.get(f"{demo_term.base}?version=9999", headers=demo_term.coordinator)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "no_placements"
