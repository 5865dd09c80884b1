"""Solve a term's placements with CP-SAT in two stages.

Stage 1 places as many candidates as possible (locks kept). Stage 2 keeps that count and
maximises the weighted soft rules of :class:`PlacementWeights`. Variables and the seat rows
come from the shared assignment core: posts are agents, candidates jobs, each taking one seat.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from solver.assignment.model import add_assignment
from solver.assignment.result import SearchLimits
from solver.placement.explain import explain
from solver.placement.model import (
    PREFERENCE_DEPTH,
    Direction,
    PlacementInstance,
    PlacementWeights,
)
from solver.placement.objective import (
    guazhi_townships,
    moved_candidates,
    objective_terms,
    preference_rank,
    preference_steps,
    subject_fits,
    whole_km,
)
from solver.placement.result import Placement, PlacementResult
from solver.placement.rules import broken_rule, distance_km

Pair = tuple[int, int]  # (post index, candidate index)


class LockError(ValueError):
    """A coordinator's lock breaks a hard rule or names an unknown candidate or post."""


def _compatible_pairs(instance: PlacementInstance) -> dict[Pair, int]:
    """Pairs that pass every hard rule, with their distance in whole km."""
    schools = {s.id: s for s in instance.schools}
    pairs: dict[Pair, int] = {}
    for pi, post in enumerate(instance.posts):
        if post.seats <= 0:
            continue
        for ci, cand in enumerate(instance.candidates):
            if broken_rule(schools, cand, post) is None:
                # Same formula as ``objective.whole_km``, computed once per pair here.
                pairs[pi, ci] = whole_km(instance, cand, post, schools)
    return pairs


def _weighted_objective(
    model: cp_model.CpModel,
    instance: PlacementInstance,
    weights: PlacementWeights,
    x: dict[Pair, cp_model.IntVar],
    km: dict[Pair, int],
) -> cp_model.LinearExpr:
    """The soft rules as one linear expression, term for term as in ``objective_terms``."""
    cands, posts = instance.candidates, instance.posts
    w = weights
    per_pair = cp_model.LinearExpr.weighted_sum(
        list(x.values()),
        [
            w.preference * preference_steps(cands[ci], posts[pi])
            + w.subject_fit * int(subject_fits(cands[ci], posts[pi]))
            - w.commute_per_km * km[pi, ci]
            + w.post_priority * posts[pi].priority
            for (pi, ci) in x
        ],
    )
    township_of = {s.id: s.township for s in instance.schools}
    coverage: list[cp_model.IntVar] = []
    for township in guazhi_townships(instance):
        in_township = [
            var
            for (pi, _), var in x.items()
            if posts[pi].direction == Direction.GUAZHI
            and township_of[posts[pi].host_school] == township
        ]
        covered = model.new_bool_var(f"covered_{township}")
        model.add(covered <= cp_model.LinearExpr.sum(in_township))
        coverage.append(covered)
    # Max-min fairness: ``worst`` is at least the rank of every placed candidate who ranked.
    worst = model.new_int_var(0, PREFERENCE_DEPTH + 1, "worst_rank")
    for ci, cand in enumerate(cands):
        if cand.preferences:
            ranked = [
                (preference_rank(cand, posts[pi]) or 0) * var
                for (pi, c), var in x.items()
                if c == ci
            ]
            model.add(worst >= cp_model.LinearExpr.sum(ranked))
    moved = _moved_indicators(instance, x)
    return (
        per_pair
        + w.township_coverage * cp_model.LinearExpr.sum(coverage)
        - w.worst_preference_rank * worst
        - w.moved * cp_model.LinearExpr.sum(moved)
    )


def _moved_indicators(
    instance: PlacementInstance, x: dict[Pair, cp_model.IntVar]
) -> list[cp_model.LinearExprT]:
    """1 − x[previous post] for each previous placement (a constant 1 if no longer possible)."""
    cand_index = {c.id: i for i, c in enumerate(instance.candidates)}
    post_index = {p.id: i for i, p in enumerate(instance.posts)}
    moved: list[cp_model.LinearExprT] = []
    for cand_id, post_id in instance.previous:
        if cand_id not in cand_index:
            continue  # withdrawn: not a move
        pair = (post_index.get(post_id, -1), cand_index[cand_id])
        moved.append(1 - x[pair] if pair in x else 1)
    return moved


def _check_locks(instance: PlacementInstance, pairs: set[Pair]) -> list[Pair]:
    cand_index = {c.id: i for i, c in enumerate(instance.candidates)}
    post_index = {p.id: i for i, p in enumerate(instance.posts)}
    locked = []
    for lock in instance.locks:
        pair = (post_index.get(lock.post, -1), cand_index.get(lock.candidate, -1))
        if pair not in pairs:
            raise LockError(f"lock {lock.candidate} → {lock.post} breaks a hard rule or is unknown")
        locked.append(pair)
    return locked


def _new_solver(limits: SearchLimits, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = limits.workers
    solver.parameters.random_seed = limits.seed
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    return solver


def solve_placements(
    instance: PlacementInstance,
    weights: PlacementWeights | None = None,
    limits: SearchLimits | None = None,
) -> PlacementResult:
    """Place the term's candidates; raises ``LockError`` or ``ValueError`` on bad input."""
    weights = weights or PlacementWeights()
    limits = limits or SearchLimits(seconds=10.0)
    errors = instance.validate()
    if errors:
        raise ValueError("; ".join(errors))
    started = time.monotonic()
    km = _compatible_pairs(instance)
    locked = _check_locks(instance, set(km))

    model = cp_model.CpModel()
    seats = tuple(p.seats for p in instance.posts)
    x = add_assignment(
        model, list(km), len(instance.candidates), lambda a, j: 1, seats, every_job=False
    )
    for pair in locked:
        model.add(x[pair] == 1)
    _add_previous_hint(model, instance, x)

    # Stage 1: the most candidates placed.
    placed_count = cp_model.LinearExpr.sum(list(x.values()))
    model.maximize(placed_count)
    solver = _new_solver(limits, limits.seconds / 3)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise ValueError(f"no placement satisfies the locks ({solver.status_name(status)})")
    count_optimal = status == cp_model.OPTIMAL
    most = round(solver.objective_value)
    # Stage 1's answer is feasible for stage 2 and, when a previous solution was hinted,
    # already close to it.
    model.clear_hints()
    for var in x.values():
        model.add_hint(var, bool(solver.value(var)))

    # Stage 2: keep that many placed and maximise the soft rules.
    model.add(placed_count >= most)
    model.maximize(_weighted_objective(model, instance, weights, x, km))
    solver = _new_solver(limits, limits.seconds - (time.monotonic() - started))
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise ValueError(f"stage 2 found no placement ({solver.status_name(status)})")
    chosen = [pair for pair, var in x.items() if solver.value(var)]
    return _result(
        instance,
        weights,
        chosen,
        locked=set(locked),
        bound=round(solver.best_objective_bound),
        optimal=count_optimal and status == cp_model.OPTIMAL,
        seconds=time.monotonic() - started,
    )


def _add_previous_hint(
    model: cp_model.CpModel, instance: PlacementInstance, x: dict[Pair, cp_model.IntVar]
) -> None:
    """Start from the previous solution: a re-solve after a withdrawal is then mostly done."""
    if not instance.previous:
        return
    cand_index = {c.id: i for i, c in enumerate(instance.candidates)}
    post_index = {p.id: i for i, p in enumerate(instance.posts)}
    before = {(post_index.get(p, -1), cand_index.get(c, -1)) for c, p in instance.previous}
    for pair, var in x.items():
        model.add_hint(var, pair in before)


def _result(
    instance: PlacementInstance,
    weights: PlacementWeights,
    chosen: list[Pair],
    *,
    locked: set[Pair],
    bound: int,
    optimal: bool,
    seconds: float,
) -> PlacementResult:
    cands, posts = instance.candidates, instance.posts
    mapping = {cands[ci].id: posts[pi].id for pi, ci in chosen}
    moved = set(moved_candidates(instance, mapping))
    placements = tuple(
        Placement(
            candidate=cands[ci].id,
            post=posts[pi].id,
            host_school=posts[pi].host_school,
            distance_km=round(distance_km(instance, cands[ci], posts[pi]), 1),
            preference_rank=preference_rank(cands[ci], posts[pi]),
            subject_fit=subject_fits(cands[ci], posts[pi]),
            locked=(pi, ci) in locked,
            moved=cands[ci].id in moved,
        )
        for pi, ci in sorted(chosen, key=lambda pair: cands[pair[1]].id)
    )
    unplaced, unfilled = explain(instance, mapping)
    # Recomputed from the placement rather than read from CP-SAT, so the total always equals
    # its itemised terms (an auxiliary like the worst rank may be slack before optimality).
    terms = tuple(objective_terms(instance, weights, mapping))
    objective = sum(t.points for t in terms)
    return PlacementResult(
        placements=placements,
        unplaced=tuple(unplaced),
        unfilled=tuple(unfilled),
        terms=terms,
        objective=objective,
        bound=max(bound, objective),
        optimal=optimal,
        placed_count=len(chosen),
        moved_count=len(moved),
        seconds=seconds,
    )
