"""Session times for a staff-day's route, with the staff lunch fitted in.

The router gets no lunch breaks: OR-Tools' break intervals made each local-search move ~5×
slower on county weeks, and the schools' own lunch (no session across 12:00–14:00) leaves
room for the staff's almost always. This module re-times each route the router returns —
earliest start for every session, keeping its order, with the lunch in the first gap that
holds it and the gap's drive — and, in the rare route where no gap does, drops the least
valuable unpinned session until one does. Of the gaps that fit, the one that brings the staff
home earliest wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from solver.week.index import WeekIndex
from solver.week.instance import Staff
from solver.week.model import Placed
from solver.week.reach import first_start


def timed_route(
    index: WeekIndex, staff_id: str, day: int, route: Sequence[Placed], pinned: frozenset[str]
) -> list[Placed]:
    """``route`` re-timed so the lunch fits; sessions dropped (never pinned ones) if needed."""
    order = [p.demand for p in route]
    while order:
        starts = schedule(index, staff_id, day, order)
        if starts is not None:
            return [Placed(d, s) for d, s in zip(order, starts, strict=True)]
        droppable = [d for d in order if d not in pinned]
        if not droppable:
            return list(route)  # pins the coordinator fixed stay, even if lunch cannot
        order.remove(min(droppable, key=lambda d: (index.values[d], d)))
    return []


def schedule(index: WeekIndex, staff_id: str, day: int, order: list[str]) -> list[int] | None:
    """Earliest session starts for ``order`` with the lunch fitted, or None if it cannot be."""
    options = [_schedule(index, staff_id, day, order, gap) for gap in range(len(order) + 1)]
    feasible = [o for o in options if o is not None]
    return min(feasible, key=lambda o: o[1])[0] if feasible else None


def _schedule(
    index: WeekIndex, staff_id: str, day: int, order: list[str], lunch_gap: int
) -> tuple[list[int], int] | None:
    """Earliest starts and return time, lunch in gap ``lunch_gap`` (before session k, or after
    the last when k = n)."""
    staff = index.staff[staff_id]
    window = staff.window(day)
    assert window is not None
    free_at, place, starts = window.start, staff.base, []
    for k, demand_id in enumerate(order):
        demand = index.demand[demand_id]
        school = index.schools[demand.school]
        ready = _ready(staff, free_at, index.roads.minutes(place, school.id), k == lunch_gap)
        if ready is None:
            return None
        start = first_start(school.session_windows(demand.minutes), ready, window.end)
        if start is None:
            return None
        starts.append(start)
        free_at, place = start + demand.minutes, school.id
    home = index.roads.minutes(place, staff.base)
    back = _ready(staff, free_at, home, lunch_gap == len(order))
    return (starts, back) if back is not None and back <= window.end else None


def _ready(staff: Staff, free_at: int, leg: int, lunch_here: bool) -> int | None:
    """When the next session (or the base) can be reached, eating on the way if asked."""
    lunch = staff.lunch
    if lunch is None or not lunch_here:
        return free_at + leg
    at = max(free_at, lunch.earliest)
    if at > lunch.latest:
        return None
    # Lunch and drive both fit between the last session and the next one.
    return max(free_at + leg, at) + lunch.minutes
