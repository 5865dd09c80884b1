"""Ruin and recreate around OR-Tools: the outer loop that leaves local optima behind.

Guided local search penalises arcs, which cannot pay for giving up a prize once prizes
dominate distance, so orienteering runs stall on their first set of visits. Each round here
removes a few visits that lie close together (a string of neighbours, as in SISR), rebuilds
with regret insertion (which also tries every unvisited stop), and descends again with
OR-Tools on the same model. A round is kept when it is better, or only slightly worse in
distance than the best (record-to-record acceptance).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from ortools.constraint_solver import pywrapcp

from solver.routing.construction import repair_routes
from solver.routing.extract import routes_of
from solver.routing.model import BuiltModel
from solver.routing.tours import TourArrays

# Average visits removed per round, and the record-to-record slack in distance terms.
RUIN_SIZE = 10
ACCEPT_SLACK = 0.01

Params = Callable[[float | None], object]


def ruin_and_recreate(
    model: BuiltModel,
    best: pywrapcp.Assignment,
    params_for: Params,
    deadline: float | None,
    rounds: int | None,
    seed: int,
) -> list[list[int]]:
    """Best routes after ``rounds`` rounds or at ``deadline`` (whichever comes first)."""
    routing = model.routing
    problem = model.layout.problem
    arrays = TourArrays.of(problem)
    rng = np.random.default_rng(seed)
    best_routes = routes_of(model, best)
    best_cost = int(best.ObjectiveValue())
    current = best_routes
    done = 0
    while (rounds is None or done < rounds) and (deadline is None or time.monotonic() < deadline):
        done += 1
        rebuilt = repair_routes(problem, arrays, _ruin(current, arrays, rng), rng)
        start = routing.ReadAssignmentFromRoutes(_indices(model, rebuilt), True)
        if start is None:
            continue
        left = None if deadline is None else max(deadline - time.monotonic(), 0.01)
        found = routing.SolveFromAssignmentWithParameters(start, params_for(left))
        if found is None:
            continue
        cost = int(found.ObjectiveValue())
        routes = routes_of(model, found)
        if cost < best_cost:
            best_routes, best_cost = routes, cost
        if cost <= best_cost + ACCEPT_SLACK * _distance_scale(arrays, best_routes):
            current = routes
    return best_routes


def _ruin(routes: list[list[int]], arrays: TourArrays, rng: np.random.Generator) -> list[list[int]]:
    """Remove about RUIN_SIZE visited stops nearest to a seed stop (pins stay).

    The seed is a mandatory stop still left out when there is one (its neighbours make
    room for it), else a random visited stop.
    """
    pinned = {s for v in arrays.problem.vehicles for s in v.pinned}
    visited = [s for route in routes for s in route if s not in pinned]
    if not visited:
        return [list(r) for r in routes]
    served = set(visited) | pinned
    missing = [s for s in np.flatnonzero(arrays.mandatory).tolist() if s not in served]
    pool = missing or visited
    seed_stop = pool[int(rng.integers(len(pool)))]
    here = arrays.location[seed_stop]
    locations = arrays.location[visited]
    closeness = arrays.distance[here, locations] + arrays.distance[locations, here]
    size = min(len(visited), int(rng.integers(RUIN_SIZE // 2, 3 * RUIN_SIZE // 2 + 1)))
    removed = {visited[k] for k in np.argsort(closeness, kind="stable")[:size]}
    return [[s for s in route if s not in removed] for route in routes]


def _indices(model: BuiltModel, routes: list[list[int]]) -> list[list[int]]:
    return [[model.index_of_stop(s) for s in route] for route in routes]


def _distance_scale(arrays: TourArrays, routes: list[list[int]]) -> float:
    problem = arrays.problem
    total = 0
    for v, route in enumerate(routes):
        vehicle = problem.vehicles[v]
        path = [vehicle.start_location, *arrays.location[route].tolist(), vehicle.end_location]
        total += int(arrays.distance[path[:-1], path[1:]].sum()) if route else 0
    return float(total)
