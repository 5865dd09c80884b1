"""solve_placements: hard rules hold (checked independently), and the optimum is the optimum."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from solver.assignment.result import SearchLimits
from solver.placement import (
    Direction,
    Lock,
    LockError,
    PlacementInstance,
    PlacementResult,
    PlacementWeights,
    check_placements,
    solve_placements,
    withdraw,
)
from solver.placement.json_io import instance_from_dict
from solver.placement.objective import objective_terms
from solver.placement.rules import broken_rule
from tests.solver.placement.builders import all_mappings, candidate, post, random_instance, school

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "placement_term.json"
LIMITS = SearchLimits(seconds=5.0)


def solve_checked(
    instance: PlacementInstance, weights: PlacementWeights | None = None
) -> PlacementResult:
    result = solve_placements(instance, weights, LIMITS)
    assert check_placements(instance, result) == []
    return result


def demo() -> PlacementInstance:
    return instance_from_dict(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def brute_force_best(instance: PlacementInstance, weights: PlacementWeights) -> tuple[int, int]:
    """(most candidates placed, best points among those) over every feasible mapping."""
    schools = {s.id: s for s in instance.schools}
    posts = {p.id: p for p in instance.posts}
    locks = {k.candidate: k.post for k in instance.locks}
    best = (-1, 0)
    for choice in all_mappings(instance):
        placed = {c.id: p for c, p in zip(instance.candidates, choice, strict=True) if p}
        if any(
            broken_rule(schools, c, posts[placed[c.id]])
            for c in instance.candidates
            if c.id in placed
        ):
            continue
        if any(n > posts[p].seats for p, n in Counter(placed.values()).items()):
            continue
        if any(placed.get(c) != p for c, p in locks.items()):
            continue
        points = sum(t.points for t in objective_terms(instance, weights, placed))
        best = max(best, (len(placed), points))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_tiny_instances_match_brute_force(seed: int) -> None:
    instance = random_instance(seed)
    weights = PlacementWeights()
    result = solve_checked(instance, weights)
    assert result.optimal
    assert (result.placed_count, result.objective) == brute_force_best(instance, weights)


def test_demo_places_everyone_it_can_and_passes_the_checker() -> None:
    instance = demo()
    result = solve_checked(instance)
    assert result.optimal
    # Every unplaced candidate is explained by full seats, since the demo has no one out of
    # reach; every open post names who could have taken it.
    assert result.placed_count + len(result.unplaced) == len(instance.candidates)
    assert all(u.reason.code == "seats_taken" for u in result.unplaced)
    assert {t.name for t in result.terms} >= {"preference", "township_coverage", "moved"}


def test_locks_are_kept_even_against_the_score() -> None:
    instance = demo()
    free = solve_checked(instance)
    held = free.as_mapping()
    # Lock a candidate onto a compatible post they did not get freely.
    schools = {s.id: s for s in instance.schools}
    cand = next(c for c in instance.candidates if c.id in held)
    other = next(
        p for p in instance.posts if p.id != held[cand.id] and broken_rule(schools, cand, p) is None
    )
    locked = dataclasses.replace(instance, locks=(Lock(cand.id, other.id),))
    result = solve_checked(locked)
    assert result.as_mapping()[cand.id] == other.id
    assert next(p for p in result.placements if p.candidate == cand.id).locked


def test_a_lock_breaking_a_hard_rule_is_refused() -> None:
    instance = PlacementInstance(
        (school("U", 0, urban=True), school("R", 10, urban=False)),
        (candidate("c", "U"),),
        (post("own", "U", direction=Direction.LUNGANG),),
        locks=(Lock("c", "own"),),
    )
    with pytest.raises(LockError):
        solve_placements(instance, None, LIMITS)


def test_withdrawal_resolve_moves_few() -> None:
    instance = demo()
    first = solve_checked(instance)
    leaving = first.placements[len(first.placements) // 2].candidate
    after = withdraw(instance, leaving, first)
    result = solve_checked(after)
    assert leaving not in result.as_mapping()
    # Without the previous solution the solver is free to reshuffle; with it, it may not.
    fresh = solve_checked(dataclasses.replace(after, previous=()))
    fresh_moves = sum(
        1 for c, p in after.previous if c != leaving and fresh.as_mapping().get(c) != p
    )
    assert result.moved_count <= min(fresh_moves, 2)
    assert result.placed_count >= first.placed_count - 1


def test_every_township_with_a_guazhi_post_gets_a_vice_principal_when_supply_allows() -> None:
    # Two urban candidates; township A has two attractive posts, B one plain, farther post.
    schools = (
        school("U1", 0, urban=True),
        school("U2", 1, urban=True),
        school("A1", 10, urban=False, township="A"),
        school("A2", 11, urban=False, township="A"),
        school("B1", 40, urban=False, township="B"),
    )
    candidates = (
        candidate("c1", "U1", preferences=("a1", "a2", "b1")),
        candidate("c2", "U2", preferences=("a2", "a1", "b1")),
    )
    posts = (
        post("a1", "A1", priority=3, wanted_subjects=("数学",)),
        post("a2", "A2", priority=3, wanted_subjects=("数学",)),
        post("b1", "B1"),
    )
    instance = PlacementInstance(schools, candidates, posts)
    covered = solve_checked(instance).as_mapping()
    assert "b1" in covered.values()
    # With coverage switched off the same county leaves township B empty: the rule mattered.
    no_coverage = PlacementWeights(township_coverage=0)
    assert "b1" not in solve_checked(instance, no_coverage).as_mapping().values()


def test_worst_off_candidate_is_protected() -> None:
    # c1 loves x and y equally well placed either way; c2 only likes x. Max-min gives x to c2.
    schools = (
        school("U1", 0, urban=True),
        school("U2", 1, urban=True),
        school("X", 10, urban=False, township="T"),
        school("Y", 12, urban=False, township="T"),
    )
    candidates = (
        candidate("c1", "U1", preferences=("x", "y")),
        candidate("c2", "U2", preferences=("x",)),
    )
    posts = (post("x", "X"), post("y", "Y"))
    weights = PlacementWeights(preference=0, commute_per_km=0)
    result = solve_checked(PlacementInstance(schools, candidates, posts), weights)
    assert result.as_mapping() == {"c1": "y", "c2": "x"}
    assert next(t for t in result.terms if t.name == "worst_preference_rank").amount == 2


def test_objective_is_the_sum_of_its_terms_and_within_the_bound() -> None:
    result = solve_checked(random_instance(99, candidates=8, posts=5))
    assert result.objective == sum(t.points for t in result.terms)
    assert result.bound >= result.objective


def test_bad_references_are_refused_before_solving() -> None:
    instance = PlacementInstance(
        (school("U", 0, urban=True),),
        (candidate("c", "nowhere"), candidate("c", "U")),
        (post("p", "U", direction=Direction.LUNGANG),),
    )
    with pytest.raises(ValueError, match="duplicate candidate ids") as raised:
        solve_placements(instance, None, LIMITS)
    assert "unknown home school nowhere" in str(raised.value)
