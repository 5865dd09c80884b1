"""An independent check of a routing solution, written from the problem's contract alone.

It shares no code with the solver: times, windows, breaks, loads and limits are recomputed
from the problem, so a solver bug cannot hide behind the same bug in its own bookkeeping.
"""

from __future__ import annotations

import itertools

from solver.routing import RoutingProblem, RoutingSolution


def violations(problem: RoutingProblem, solution: RoutingSolution) -> list[str]:
    found: list[str] = []
    if len(solution.routes) != len(problem.vehicles):
        return [f"{len(solution.routes)} routes for {len(problem.vehicles)} vehicles"]
    seen: dict[int, int] = {}
    for v, route in enumerate(solution.routes):
        for visit in route:
            if visit.stop in seen:
                found.append(f"stop {visit.stop} visited twice")
            seen[visit.stop] = v
        found += _route_violations(problem, solution, v)
    expected_dropped = sorted(set(range(len(problem.stops))) - set(seen))
    if sorted(solution.dropped) != expected_dropped:
        found.append("dropped list does not match the routes")
    for i, stop in enumerate(problem.stops):
        if i in seen and stop.allowed_vehicles is not None and seen[i] not in stop.allowed_vehicles:
            found.append(f"stop {i} on vehicle {seen[i]}, not allowed")
    for v, vehicle in enumerate(problem.vehicles):
        order = [visit.stop for visit in solution.routes[v] if visit.stop in vehicle.pinned]
        if order != list(vehicle.pinned):
            found.append(f"vehicle {v} pinned {vehicle.pinned}, has {order}")
    for k, group in enumerate(problem.groups):
        if sum(s in seen for s in group.stops) > group.max_visits:
            found.append(f"group {k} over its max_visits")
    if solution.status == "feasible":
        missing = [i for i, s in enumerate(problem.stops) if s.mandatory and i not in seen]
        if missing:
            found.append(f"status feasible but mandatory stops {missing} dropped")
    if solution.total_distance != total_distance(problem, solution):
        found.append("total_distance does not match the routes")
    return found


def total_distance(problem: RoutingProblem, solution: RoutingSolution) -> int:
    matrix = problem.distance if problem.distance is not None else problem.travel
    total = 0
    for v, route in enumerate(solution.routes):
        if not route:
            continue
        vehicle = problem.vehicles[v]
        path = [vehicle.start_location, *(problem.stops[x.stop].location for x in route)]
        path.append(vehicle.end_location)
        total += sum(matrix[a][b] for a, b in itertools.pairwise(path))
    return total


def _route_violations(problem: RoutingProblem, solution: RoutingSolution, v: int) -> list[str]:
    vehicle = problem.vehicles[v]
    route = solution.routes[v]
    found: list[str] = []
    breaks: list[tuple[int, int]] = []
    if vehicle.breaks:
        if v >= len(solution.break_starts) or len(solution.break_starts[v]) != len(vehicle.breaks):
            return [f"vehicle {v}: break times missing"]
        for rest, begin in zip(vehicle.breaks, solution.break_starts[v], strict=True):
            if not rest.earliest <= begin <= rest.latest:
                found.append(f"vehicle {v}: break at {begin} outside its range")
            breaks.append((begin, begin + rest.duration))
    # Legs: (ready time, location) -> next visit, ending with the return to base.
    ready, location = vehicle.shift_start, vehicle.start_location
    load = work = travel = 0
    for visit in route:
        stop = problem.stops[visit.stop]
        leg = problem.travel[location][stop.location]
        resting = sum(e - b for b, e in breaks if ready <= b and e <= visit.start)
        if visit.start < ready + leg + resting:
            found.append(f"vehicle {v}: stop {visit.stop} starts before it can be reached")
        if not any(a <= visit.start <= b for a, b in stop.windows):
            found.append(f"vehicle {v}: stop {visit.stop} starts at {visit.start}, no window")
        if visit.end != visit.start + stop.service or visit.arrival > visit.start:
            found.append(f"vehicle {v}: stop {visit.stop} times inconsistent")
        for b, e in breaks:
            if b < visit.end and visit.start < e:
                found.append(f"vehicle {v}: break overlaps stop {visit.stop}")
        ready, location = visit.end, stop.location
        load, work, travel = load + stop.demand, work + stop.service, travel + leg
    leg = problem.travel[location][vehicle.end_location]
    resting = sum(e - b for b, e in breaks if ready <= b)
    if route and ready + leg + resting > vehicle.shift_end:
        found.append(f"vehicle {v}: back at base after its shift ends")
    for b, e in breaks:
        if b < vehicle.shift_start or e > vehicle.shift_end:
            found.append(f"vehicle {v}: break outside the shift")
    travel += leg if route else 0
    if vehicle.capacity is not None and load > vehicle.capacity:
        found.append(f"vehicle {v}: load {load} over capacity")
    if vehicle.max_work is not None and work > vehicle.max_work:
        found.append(f"vehicle {v}: work {work} over max_work")
    if vehicle.max_travel is not None and travel > vehicle.max_travel:
        found.append(f"vehicle {v}: travel {travel} over max_travel")
    return found
