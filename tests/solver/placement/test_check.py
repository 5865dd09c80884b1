"""check_placements: the referee catches each broken hard rule in a hand-made bad result."""

from __future__ import annotations

import dataclasses

import pytest

from solver.placement.check import check_placements
from solver.placement.explain import explain
from solver.placement.model import Direction, Lock, Phase, PlacementInstance
from solver.placement.result import Placement, PlacementResult, Reason, UnplacedCandidate
from tests.solver.placement.builders import candidate, post, school

SCHOOLS = (
    school("U1", 0, urban=True),
    school("R1", 30, urban=False, township="A"),
    school("R2", 60, urban=False, township="B"),
)


def result_of(instance: PlacementInstance, placed: dict[str, str]) -> PlacementResult:
    """A result that lists ``placed`` with otherwise consistent bookkeeping."""
    unplaced, unfilled = explain(instance, placed)
    posts = {p.id: p for p in instance.posts}
    placements = tuple(
        Placement(c, p, posts[p].host_school, 0.0, None, False, False, False)
        for c, p in placed.items()
    )
    return PlacementResult(
        placements, tuple(unplaced), tuple(unfilled), (), 0, 0, True, len(placements), 0, 0.0
    )


def test_a_valid_placement_passes() -> None:
    instance = PlacementInstance(SCHOOLS, (candidate("c", "U1"),), (post("p", "R1"),))
    assert check_placements(instance, result_of(instance, {"c": "p"})) == []


@pytest.mark.parametrize(
    ("cand", "the_post", "words"),
    [
        (candidate("c", "U1", phase=Phase.MIDDLE), post("p", "R1"), "phase"),
        (candidate("c", "R2"), post("p", "R1"), "rural home"),
        (candidate("c", "U1"), post("p", "U1", direction=Direction.LUNGANG), "urban home"),
        (candidate("c", "R1"), post("p", "R1", direction=Direction.LUNGANG), "own school"),
        (candidate("c", "U1", previous_hosts=("R1",)), post("p", "R1"), "last term"),
        (candidate("c", "U1", commute_limit_km=50.0), post("p", "R2"), "commute"),
        (candidate("c", "U1", max_km_from_home=20.0), post("p", "R1"), "bureau"),
    ],
)
def test_each_broken_rule_is_reported(cand: object, the_post: object, words: str) -> None:
    instance = PlacementInstance(SCHOOLS, (cand,), (the_post,))  # type: ignore[arg-type]
    problems = check_placements(instance, result_of(instance, {"c": "p"}))
    assert any(words in p for p in problems), problems


def test_seats_double_posts_and_locks() -> None:
    instance = PlacementInstance(
        SCHOOLS,
        (candidate("a", "U1"), candidate("b", "U1")),
        (post("p", "R1"), post("q", "R2")),
        locks=(Lock("b", "q"),),
    )
    crowded = result_of(instance, {"a": "p", "b": "p"})
    problems = check_placements(instance, crowded)
    assert any("2 people for 1 seats" in p for p in problems)
    assert any("lock b → q" in p for p in problems)
    twice = dataclasses.replace(
        crowded,
        placements=(*crowded.placements[:1], dataclasses.replace(crowded.placements[0], post="q")),
    )
    assert any("holds 2 posts" in p for p in check_placements(instance, twice))


def test_bookkeeping_must_match_the_placements() -> None:
    instance = PlacementInstance(SCHOOLS, (candidate("c", "U1"),), (post("p", "R1"),))
    good = result_of(instance, {"c": "p"})
    lying = dataclasses.replace(good, unplaced=(UnplacedCandidate("c", Reason("x", "y")),))
    assert check_placements(instance, lying)
    assert check_placements(instance, dataclasses.replace(good, moved_count=3))
    assert check_placements(instance, dataclasses.replace(good, objective=7))
