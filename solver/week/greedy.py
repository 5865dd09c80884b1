"""A plain greedy day plan: the safety net under the router.

Sessions in order of value, each inserted where it adds the least driving into a staff-day
that can still fit it (hours, lunch, work and travel limits, by ``timing``). It is what a day
keeps when the router returns nothing in its time (a loaded machine, a tiny budget), and the
router's starting point otherwise.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from solver.week.index import WeekIndex
from solver.week.model import Placed
from solver.week.timing import schedule


def greedy_day(
    index: WeekIndex, day: int, wanted: Mapping[str, int]
) -> dict[tuple[str, int], list[Placed]]:
    pins = [p for p in index.week.pins if p.day == day]
    routes: dict[tuple[str, int], list[str]] = {(s.id, day): [] for s in index.staff_days(day)}
    for pin in pins:
        if (pin.staff, day) in routes and wanted.get(pin.demand, 0) > 0:
            routes[(pin.staff, day)].append(pin.demand)
    pinned = {p.demand for p in pins}
    todo = [d for d in index.demands if wanted.get(d.id, 0) > 0 and d.id not in pinned]
    todo.sort(key=lambda d: (-index.values[d.id], d.id))
    for demand in todo:
        best: tuple[int, tuple[str, int], int] | None = None
        for staff in index.candidates(demand, day):
            key = (staff.id, day)
            route = routes[key]
            for at in range(len(route) + 1):
                trial = [*route[:at], demand.id, *route[at:]]
                fitted = _fits(index, staff.id, day, trial)
                if fitted is not None and (best is None or fitted < best[0]):
                    best = (fitted, key, at)
        if best is not None:
            _, key, at = best
            routes[key].insert(at, demand.id)
    out = {}
    for key, order in routes.items():
        starts = schedule(index, key[0], day, order) if order else None
        if starts is not None:
            out[key] = [Placed(d, s) for d, s in zip(order, starts, strict=True)]
    return out


def _fits(index: WeekIndex, staff_id: str, day: int, order: list[str]) -> int | None:
    """Driving minutes of ``order`` if the staff-day can do it, else None."""
    staff = index.staff[staff_id]
    work = sum(index.demand[d].minutes for d in order)
    if work > staff.max_work_minutes:
        return None
    path = [staff.base, *(index.demand[d].school for d in order), staff.base]
    drive = sum(index.roads.minutes(a, b) for a, b in itertools.pairwise(path))
    if drive > staff.max_travel_minutes:
        return None
    return drive if schedule(index, staff_id, day, order) is not None else None
