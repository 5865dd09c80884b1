from __future__ import annotations

import itertools
from pathlib import Path

from solver.formats.solomon import read_solomon, toptw_problem, vrptw_problem
from solver.routing import (
    Break,
    RoutingProblem,
    RoutingSolution,
    SearchLimits,
    StopGroup,
    solve_routing,
)
from tests.solver.routing.builders import line_problem, stop
from tests.solver.routing.feasibility import total_distance, violations

TINY = Path(__file__).parents[1] / "data" / "tiny_solomon.txt"
QUICK = SearchLimits(seconds=1.0, workers=1)


def solved(problem: RoutingProblem, limits: SearchLimits = QUICK, seed: int = 0) -> RoutingSolution:
    solution = solve_routing(problem, limits, seed=seed)
    assert violations(problem, solution) == []
    return solution


def test_vrptw_serves_every_customer_within_fleet_windows_and_capacity() -> None:
    instance = read_solomon(TINY)
    problem = vrptw_problem(instance)
    solution = solved(problem, SearchLimits(seconds=1.0, workers=2))
    assert solution.status == "feasible"
    assert solution.dropped == ()
    assert len(solution.routes) == instance.vehicles
    assert solution.total_distance == total_distance(problem, solution)


def test_mandatory_stop_out_of_reach_is_reported_infeasible() -> None:
    far = stop(5, windows=((0, 10),), mandatory=True)  # 50 away, closes at 10
    solution = solved(line_problem([stop(1, mandatory=True), far]))
    assert solution.status == "infeasible"
    assert solution.dropped == (1,)


def test_group_visits_at_most_max_visits() -> None:
    members = [stop(k, prize=0) for k in (1, 2, 3, 4)]
    group = StopGroup(stops=(0, 1, 2, 3), max_visits=2, penalty=1000)
    solution = solved(line_problem(members, vehicles=2, groups=(group,)))
    assert len([v for r in solution.routes for v in r]) == 2
    # Each missing visit below max_visits costs the penalty: here none is missing.
    assert solution.objective == solution.total_distance


def test_allowed_vehicles_are_honoured() -> None:
    stops = [stop(1, mandatory=True, allowed=frozenset({1})), stop(2, mandatory=True)]
    solution = solved(line_problem(stops, vehicles=2))
    assert 0 in [v.stop for v in solution.routes[1]]


def test_pinned_stops_stay_on_their_vehicle_in_order() -> None:
    # The cheap order would be 1 then 3; the pin demands 3 then 1, on vehicle 1.
    stops = [stop(1, mandatory=True), stop(2, mandatory=True), stop(3, mandatory=True)]
    solution = solved(line_problem(stops, vehicles=2, pinned={1: (2, 0)}))
    order = [v.stop for v in solution.routes[1] if v.stop in (0, 2)]
    assert order == [2, 0]


def test_lunch_break_is_taken_inside_its_range_between_visits() -> None:
    # Four visits fill the morning; lunch (30) must start in [100, 130] and fit between them.
    stops = [stop(k, service=40, mandatory=True) for k in (1, 2, 3, 4)]
    lunch = Break(earliest=100, latest=130, duration=30)
    problem = line_problem(stops, shift=(0, 300), breaks=(lunch,))
    solution = solved(problem, SearchLimits(seconds=1.0, workers=1))
    assert solution.status == "feasible"
    (begin,) = solution.break_starts[0]
    assert 100 <= begin <= 130
    assert all(v.end <= begin or v.start >= begin + 30 for v in solution.routes[0])


def test_school_lunch_window_gap_is_never_used() -> None:
    # Reachable at 10, but the school is closed for lunch between 60 and 120.
    school = stop(1, windows=((0, 5), (120, 200)), service=30, mandatory=True)
    solution = solved(line_problem([school]))
    (visit,) = solution.routes[0]
    assert visit.start == 120


def test_capacity_splits_the_load_over_vehicles() -> None:
    stops = [stop(k, mandatory=True, demand=6) for k in (1, 2, 3)]
    solution = solved(line_problem(stops, vehicles=2, capacity=12))
    assert sorted(len(r) for r in solution.routes) == [1, 2]


def test_toptw_matches_brute_force_optimum() -> None:
    # Six schools around the depot, two short tours: not everything fits.
    points = [(0, 0), (10, 0), (0, 12), (-9, 3), (6, 8), (-4, -11), (13, 9)]
    prizes = [0, 5, 8, 4, 6, 9, 7]
    windows = [(0, 100), (20, 60), (0, 40), (30, 90), (50, 80), (0, 70), (10, 50)]
    stops = [stop(k, windows=(windows[k],), prize=prizes[k] * 1000) for k in range(1, 7)]
    problem = line_problem(stops, vehicles=2, points=points, shift=(0, 70))
    solution = solved(problem, SearchLimits(seconds=2.0, workers=2))
    assert solution.objective == _brute_force_objective(problem)


def _brute_force_objective(problem: RoutingProblem) -> int:
    n = len(problem.stops)
    best_tour: dict[frozenset[int], int] = {}
    for size in range(n + 1):
        for order in itertools.permutations(range(n), size):
            length = _tour_length(problem, order)
            key = frozenset(order)
            if length is not None and length < best_tour.get(key, 10**9):
                best_tour[key] = length
    total_prize = sum(s.prize for s in problem.stops)
    best = 10**12
    for a, b in itertools.combinations_with_replacement(best_tour, 2):
        if a & b:
            continue
        collected = sum(problem.stops[s].prize for s in a | b)
        best = min(best, total_prize - collected + best_tour[a] + best_tour[b])
    return best


def _tour_length(problem: RoutingProblem, order: tuple[int, ...]) -> int | None:
    vehicle = problem.vehicles[0]
    time, here, length = vehicle.shift_start, vehicle.start_location, 0
    for s in order:
        target = problem.stops[s]
        leg = problem.travel[here][target.location]
        time = max(time + leg, target.windows[0][0])
        if time > target.windows[0][1]:
            return None
        time += target.service
        length += leg
        here = target.location
    length += problem.travel[here][vehicle.end_location]
    if time + problem.travel[here][vehicle.end_location] > vehicle.shift_end:
        return None
    return length


def test_iteration_limit_and_seed_make_runs_reproducible() -> None:
    problem = toptw_problem(read_solomon(TINY), tours=2)
    limits = SearchLimits(seconds=None, iterations=200, workers=2)
    first = solve_routing(problem, limits, seed=3)
    second = solve_routing(problem, limits, seed=3)
    assert first.routes == second.routes
    assert first.objective == second.objective


def test_initial_routes_are_used_and_progress_is_reported() -> None:
    problem = vrptw_problem(read_solomon(TINY))
    seen: list[tuple[int, float]] = []
    limits = SearchLimits(
        seconds=None, iterations=50, workers=1, on_improvement=lambda o, t: seen.append((o, t))
    )
    start = [[0, 1], [2, 3, 4], [5, 6, 7]]
    solution = solve_routing(problem, limits, initial=start)
    assert violations(problem, solution) == []
    assert seen and all(a[0] > b[0] for a, b in itertools.pairwise(seen))
