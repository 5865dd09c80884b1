"""``solve_week``: a county's week → a Plan, through the same routing core as `vrptw`/`toptw`.

Small weeks go to the router as one problem (all staff-days, StopGroups keep k sessions on k
days). Large weeks are decomposed: the days are solved one by one, each with the sessions
still wanted after the days before it (starting from a greedy plan of the day, which the day
also keeps if the router finds nothing better in its time), then every day is re-solved from
its current routes with the sessions the other days left over.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace

from solver.routing import RoutingSolution, SearchLimits, solve_routing
from solver.week.bound import coverage_bound
from solver.week.greedy import greedy_day
from solver.week.index import WeekIndex
from solver.week.instance import Week
from solver.week.model import Placed, WeekModel, build_model, previous_routes
from solver.week.plan import Plan
from solver.week.report import make_plan
from solver.week.timing import timed_route

# Up to this many stops the week is one routing problem; above, day by day. Measured (same
# budget, benchmarks/county.py machine): 358 stops, day 98.0 % of the bound vs week 96.2 %;
# the demo county's 1,560 stops, day 92.8 % vs week 89.4 %.
WEEK_STOP_LIMIT = 200
# Share of the search time spent on the first day-by-day pass; the rest re-solves each day.
FIRST_PASS_SHARE = 0.6
# Share of a time limit the bound's LP may use at most (it falls back to a cruder bound).
BOUND_SHARE = 0.25
# Kept back from a time limit for explanations, KPIs and the plan itself.
REPORT_SECONDS = 1.0
# Above this many stops in the week, the first pass offers each demand on a few days only.
LARGE_WEEK_STOPS = 4000
# Below this a sub-solve may not even find a first solution on a county day.
MIN_SUBSOLVE_SECONDS = 1.0

StaffDayKey = tuple[str, int]
Routes = dict[StaffDayKey, list[Placed]]


def solve_week(
    week: Week,
    limits: SearchLimits | None = None,
    seed: int = 0,
    decomposition: str = "auto",
) -> Plan:
    """Best plan found within ``limits`` ("auto", "week" or "day" decomposition).

    ``limits.seconds`` bounds the whole call, bound and report included.
    """
    limits = limits or SearchLimits(seconds=10.0)
    began = time.monotonic()
    index = WeekIndex(week)
    # The bound does not depend on the search: computing it first lets the search have
    # whatever is left of a wall-clock budget.
    bound_seconds = BOUND_SHARE * limits.seconds if limits.seconds is not None else 60.0
    bound = coverage_bound(index, bound_seconds)
    deadline = None
    if limits.seconds is not None:
        deadline = began + limits.seconds - REPORT_SECONDS
    if decomposition == "auto":
        decomposition = "week" if _stop_count(index) <= WEEK_STOP_LIMIT else "day"
    if decomposition == "week":
        routes, statuses, iterations = _whole_week(index, limits, seed, deadline)
    else:
        routes, statuses, iterations = _day_by_day(index, limits, seed, deadline)
    status = "feasible" if "feasible" in statuses or not statuses else statuses[0]
    elapsed = time.monotonic() - began
    return make_plan(index, routes, bound, status, seed, iterations, elapsed)


Outcome = tuple[Routes, list[str], int]  # routes, the sub-solves' statuses, iterations


def _whole_week(
    index: WeekIndex, limits: SearchLimits, seed: int, deadline: float | None
) -> Outcome:
    days = list(range(len(index.week.days)))
    previous = previous_routes(index.week)
    limits = _slice(limits, deadline, 1)
    routes, solution = _solve_days(index, days, _wanted(index), previous, limits, seed)
    return routes, [solution.status], solution.iterations


def _day_by_day(
    index: WeekIndex, limits: SearchLimits, seed: int, deadline: float | None
) -> Outcome:
    days = list(range(len(index.week.days)))
    routes: Routes = {}
    statuses, iterations = [], 0
    large = _stop_count(index) > LARGE_WEEK_STOPS
    first_deadline = None
    if deadline is not None:
        first_deadline = time.monotonic() + (deadline - time.monotonic()) * FIRST_PASS_SHARE
    for k, day in enumerate(days):
        previous = previous_routes(index.week, day)
        day_limits = _slice(limits, first_deadline, len(days) - k)
        left = _left(index, routes)
        if large:
            left = _offered(index, day, left)
        fallback = greedy_day(index, day, left)
        start = previous or fallback
        day_routes, solution = _solve_days(index, [day], left, start, day_limits, seed)
        if solution.status != "feasible" or _value(index, day_routes) < _value(index, fallback):
            # The router found nothing in its time, or less than the greedy start did.
            day_routes = fallback
        routes.update(day_routes)
        statuses.append(solution.status)
        iterations += solution.iterations
    for k, day in enumerate(days):
        if _seconds_left(deadline) < MIN_SUBSOLVE_SECONDS:
            break  # too little time left to improve a day; keep what the first pass found
        own = {key: v for key, v in routes.items() if key[1] == day}
        others = {key: v for key, v in routes.items() if key[1] != day}
        day_limits = _slice(limits, deadline, len(days) - k)
        day_routes, solution = _solve_days(
            index, [day], _left(index, others), own, day_limits, seed
        )
        # The re-solve starts from the day's routes; keep it only if it is no worse.
        if solution.status == "feasible" and _value(index, day_routes) >= _value(index, own):
            routes = {**others, **day_routes}
        iterations += solution.iterations
    return routes, statuses, iterations


def _solve_days(
    index: WeekIndex,
    days: list[int],
    wanted: dict[str, int],
    hint: Routes | None,
    limits: SearchLimits,
    seed: int,
) -> tuple[Routes, RoutingSolution]:
    model = build_model(index, days, wanted, hint)
    if not model.problem.stops or not model.problem.vehicles:
        empty = RoutingSolution((), (), 0, 0, 0, "feasible", 0, 0.0)
        return {}, empty
    solution = solve_routing(model.problem, limits, seed)
    routes = _routes_of(model, solution)
    pins = index.week.pins
    for (staff_id, day), placed in routes.items():
        pinned = frozenset(p.demand for p in pins if (p.staff, p.day) == (staff_id, day))
        routes[(staff_id, day)] = timed_route(index, staff_id, day, placed, pinned)
    return routes, solution


def _routes_of(model: WeekModel, solution: RoutingSolution) -> Routes:
    routes: Routes = {}
    for v, visits in enumerate(solution.routes):
        if visits:
            key = model.vehicle_keys[v]
            routes[key] = [Placed(model.stop_keys[x.stop][0], x.start) for x in visits]
    return routes


def _offered(index: WeekIndex, day: int, left: dict[str, int]) -> dict[str, int]:
    """A large week's first pass offers each demand on a few days only, to keep each day's
    problem small enough for the router to find a first solution quickly: its preferred days,
    or else 2 × its sessions consecutive days from an offset set by its position."""
    days = len(index.week.days)
    offered = {}
    for k, demand in enumerate(index.demands):
        if left.get(demand.id, 0) <= 0:
            continue
        if demand.preferred_days:
            on = day in demand.preferred_days
        else:
            on = (day - k) % days < min(days, 2 * demand.sessions)
        if on:
            offered[demand.id] = left[demand.id]
    return offered


def _wanted(index: WeekIndex) -> dict[str, int]:
    return {d.id: d.sessions for d in index.demands}


def _left(index: WeekIndex, routes: Routes) -> dict[str, int]:
    placed = Counter(p.demand for ps in routes.values() for p in ps)
    return {d.id: d.sessions - placed[d.id] for d in index.demands}


def _value(index: WeekIndex, routes: Routes) -> float:
    return sum(index.values[p.demand] for ps in routes.values() for p in ps)


def _stop_count(index: WeekIndex) -> int:
    days = range(len(index.week.days))
    return sum(1 for d in index.demands for day in days if index.candidates(d, day))


def _seconds_left(deadline: float | None) -> float:
    return float("inf") if deadline is None else deadline - time.monotonic()


def _slice(limits: SearchLimits, deadline: float | None, parts_left: int) -> SearchLimits:
    """An equal share of the time left for one sub-solve; iteration limits apply to each."""
    if limits.seconds is None or deadline is None:
        return limits
    seconds = (deadline - time.monotonic()) / parts_left
    # Each sub-solve needs a moment to build its model and find a first solution.
    return replace(limits, seconds=max(seconds, MIN_SUBSOLVE_SECONDS))
