"""explain: each reason names the rule or the competition that left someone out."""

from __future__ import annotations

from solver.placement.explain import explain
from solver.placement.model import Direction, Phase, PlacementInstance
from tests.solver.placement.builders import candidate, post, school

SCHOOLS = (
    school("U1", 0, urban=True),
    school("U2", 1, urban=True),
    school("near", 20, urban=False, township="A"),
    school("far", 90, urban=False, township="B"),
)


def reasons(instance: PlacementInstance, placed: dict[str, str]) -> dict[str, str]:
    unplaced, unfilled = explain(instance, placed)
    return {u.candidate: u.reason.code for u in unplaced} | {
        u.post: u.reason.code for u in unfilled
    }


def test_out_of_commute_reach_says_how_far() -> None:
    instance = PlacementInstance(
        SCHOOLS, (candidate("c", "U1", commute_limit_km=50.0),), (post("p", "far"),)
    )
    unplaced, unfilled = explain(instance, {})
    assert unplaced[0].reason.code == "no_post_commute"
    assert "90 km" in unplaced[0].reason.message and "50 km" in unplaced[0].reason.message
    assert unfilled[0].reason.code == "no_candidate_commute"


def test_bureau_flag_is_named_as_the_cause() -> None:
    instance = PlacementInstance(
        SCHOOLS, (candidate("c", "U1", max_km_from_home=10.0),), (post("p", "near"),)
    )
    assert reasons(instance, {})["c"] == "no_post_bureau_limit"


def test_phase_and_direction_mismatches() -> None:
    instance = PlacementInstance(
        SCHOOLS,
        (candidate("mid", "U1", phase=Phase.MIDDLE), candidate("rural", "near")),
        (post("p", "far"),),
    )
    got = reasons(instance, {})
    assert got["mid"] == "no_post_phase"
    # The rural candidate matches the phase but may only take 轮岗 posts.
    assert got["rural"] == "no_post_direction"


def test_home_school_and_last_host() -> None:
    instance = PlacementInstance(
        SCHOOLS,
        (candidate("home", "near"), candidate("back", "U1", previous_hosts=("far", "near"))),
        (post("p", "near", direction=Direction.LUNGANG), post("q", "near")),
    )
    got = reasons(instance, {})
    assert got["back"] == "no_post_last_host"
    assert got["home"] == "no_post_home_school"


def test_competition_names_the_seat_holders() -> None:
    instance = PlacementInstance(
        SCHOOLS,
        (candidate("a", "U1"), candidate("b", "U2")),
        (post("p", "near"), post("idle", "far", phase=Phase.MIDDLE)),
    )
    unplaced, unfilled = explain(instance, {"a": "p"})
    assert unplaced[0].candidate == "b"
    assert unplaced[0].reason.code == "seats_taken"
    assert {"p", "a"} <= set(unplaced[0].reason.related)
    assert [(u.post, u.reason.code) for u in unfilled] == [("idle", "no_candidate_phase")]
