"""The objective of a set of routes, recomputed from the problem alone.

Same terms as the OR-Tools model, without its artificial penalty for a dropped mandatory
stop (that one only exists to let construction finish): distance, vehicle-specific costs,
prizes of dropped independent stops, group penalties per missing visit, and the balance
term (balance_weight × the longest tour's travel).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from solver.routing.layout import Layout
from solver.routing.problem import RoutingProblem


@dataclass(frozen=True, slots=True)
class Cost:
    objective: int
    distance: int
    prize_collected: int
    mandatory_dropped: int


def evaluate(problem: RoutingProblem, routes: Sequence[Sequence[int]]) -> Cost:
    layout = Layout.of(problem)
    dist = layout.distance_by_location
    travel = layout.travel_by_location
    done = {s for route in routes for s in route}
    distance = 0
    extra = 0
    longest_travel = 0
    for v, route in enumerate(routes):
        vehicle = problem.vehicles[v]
        if not route:
            continue
        path = [vehicle.start_location, *(problem.stops[s].location for s in route)]
        path.append(vehicle.end_location)
        distance += sum(int(dist[a, b]) for a, b in itertools.pairwise(path))
        longest_travel = max(
            longest_travel, sum(int(travel[a, b]) for a, b in itertools.pairwise(path))
        )
        for s in route:
            extra += dict(problem.stops[s].vehicle_costs).get(v, 0)
    grouped = {s for g in problem.groups for s in g.stops}
    penalties = sum(
        g.penalty * max(g.max_visits - sum(s in done for s in g.stops), 0) for g in problem.groups
    )
    dropped_prizes = sum(
        stop.prize
        for i, stop in enumerate(problem.stops)
        if i not in done and i not in grouped and not stop.mandatory
    )
    collected = sum(problem.stops[s].prize for s in done)
    mandatory_dropped = sum(
        1 for i, stop in enumerate(problem.stops) if stop.mandatory and i not in done
    )
    objective = distance + extra + penalties + dropped_prizes
    objective += problem.balance_weight * longest_travel
    return Cost(objective, distance, collected, mandatory_dropped)
