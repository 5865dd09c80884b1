"""Routes found by the router → the Plan: staff-days, explanations, KPIs and the bound."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence

from solver.week.assemble import staff_day
from solver.week.explain import explain_unplaced
from solver.week.index import WeekIndex
from solver.week.instance import SchoolKind
from solver.week.model import Placed
from solver.week.plan import Kpis, Plan, Spread, StaffDay


def make_plan(
    index: WeekIndex,
    routes: Mapping[tuple[str, int], Sequence[Placed]],
    bound: float,
    status: str,
    seed: int,
    iterations: int,
    elapsed: float,
) -> Plan:
    flags = _flags(index, routes)
    staff_days = tuple(
        staff_day(index, staff, day, placed, flags)
        for (staff, day), placed in sorted(routes.items(), key=lambda kv: (kv[0][1], kv[0][0]))
        if placed
    )
    if not staff_days and any(d.sessions for d in index.demands) and status == "feasible":
        status = "infeasible"
    return Plan(
        status=status,
        routes=staff_days,
        unplaced=explain_unplaced(index, staff_days),
        kpis=kpis(index, staff_days, bound),
        seed=seed,
        iterations=iterations,
        elapsed_seconds=round(elapsed, 3),
    )


def _flags(
    index: WeekIndex, routes: Mapping[tuple[str, int], Sequence[Placed]]
) -> dict[tuple[str, int], tuple[bool, bool]]:
    """(carry-over, pinned) per (demand, day): a need's first sessions make up for old misses."""
    pins = {(p.demand, p.day) for p in index.week.pins}
    days: dict[str, list[int]] = defaultdict(list)
    for (_, day), placed in routes.items():
        for p in placed:
            days[p.demand].append(day)
    flags = {}
    for demand_id, placed_days in days.items():
        carry = index.demand[demand_id].carry_over
        for k, day in enumerate(sorted(placed_days)):
            flags[(demand_id, day)] = (k < carry, (demand_id, day) in pins)
    return flags


def kpis(index: WeekIndex, routes: Sequence[StaffDay], bound: float) -> Kpis:
    values = index.values
    sessions = [(s.demand, r.staff, r.day) for r in routes for v in r.visits for s in v.sessions]
    weighted = sum(values[d] for d, _, _ in sessions)
    travel: dict[str, int] = {s.id: 0 for s in index.week.staff if s.availability}
    work: dict[str, int] = dict(travel)
    for r in routes:
        travel[r.staff] += r.travel_minutes
        work[r.staff] += r.work_minutes
    visited = {index.demand[d].school for d, _, _ in sessions}
    wanted_points = {
        d.school
        for d in index.demands
        if index.schools[d.school].kind == SchoolKind.TEACHING_POINT and d.sessions > 0
    }
    previous = {(v.demand, v.staff, v.day) for v in index.week.previous}
    now = set(sessions)
    return Kpis(
        sessions_requested=sum(d.sessions for d in index.demands),
        sessions_placed=len(sessions),
        weighted_requested=round(sum(values[d.id] * d.sessions for d in index.demands), 3),
        weighted_coverage=round(weighted, 3),
        bound=round(bound, 3),
        coverage_to_bound=round(weighted / bound, 4) if bound > 0 else 1.0,
        teaching_points_unvisited=tuple(sorted(wanted_points - visited)),
        travel_total=sum(travel.values()),
        travel_per_staff=_spread(list(travel.values())),
        work_per_staff=_spread(list(work.values())),
        changes=len(previous - now) + len(now - previous) if previous else 0,
    )


def _spread(values: list[int]) -> Spread:
    if not values:
        return Spread(0, 0, 0)
    return Spread(min(values), statistics.median(values), max(values))
