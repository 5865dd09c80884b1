"""Placed sessions → the plan's staff-days: visit blocks, arrival times, lunch, travel.

The router decides who does what, in which order and when each session starts; this module
only presents that: consecutive sessions at one school become one visit block, arrivals are
"drive as soon as the previous session ends", and the staff lunch goes in the first gap that
holds it together with the drive.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from solver.week.index import WeekIndex
from solver.week.instance import Lunch
from solver.week.model import Placed
from solver.week.plan import Session, StaffDay, Visit


def staff_day(
    index: WeekIndex,
    staff_id: str,
    day: int,
    placed: Sequence[Placed],
    flags: Mapping[tuple[str, int], tuple[bool, bool]],
) -> StaffDay:
    """``flags[(demand, day)]`` = (carry_over, pinned) for each placed session."""
    staff = index.staff[staff_id]
    window = staff.window(day)
    assert window is not None
    blocks: list[list[Session]] = []
    schools: list[str] = []
    for p in placed:
        demand = index.demand[p.demand]
        carry, pinned = flags.get((p.demand, day), (False, False))
        session = Session(p.demand, p.start, p.start + demand.minutes, carry, pinned)
        if schools and schools[-1] == demand.school:
            blocks[-1].append(session)
        else:
            blocks.append([session])
            schools.append(demand.school)
    path = [staff.base, *schools, staff.base]
    legs = [index.roads.minutes(a, b) for a, b in itertools.pairwise(path)]
    # Gap i ends at session i (or the day's end) and holds the drive to it: the lunch may
    # fall between two sessions at one school as well as between schools.
    sessions = [s for b in blocks for s in b]
    drives = [legs[i] if k == 0 else 0 for i, b in enumerate(blocks) for k in range(len(b))]
    starts = [s.start for s in sessions] + [window.end]
    ends = [window.start] + [s.end for s in sessions]
    lunch_at, lunch_gap = _place_lunch(staff.lunch, ends, starts, [*drives, legs[-1]])
    leave = starts[0] - legs[0]
    back = ends[-1] + legs[-1]
    if lunch_at is not None and staff.lunch is not None:
        lunch_end = lunch_at + staff.lunch.minutes
        if lunch_gap == 0 and lunch_end > leave:  # eat first, then drive
            leave = max(window.start, min(leave, lunch_at - legs[0]))
        if lunch_gap == len(sessions):
            back = max(back, lunch_end) if lunch_at < back else back
    visits = []
    previous_end = leave
    for i, block in enumerate(blocks):
        arrival = min(previous_end + legs[i], block[0].start)
        visits.append(Visit(schools[i], arrival, tuple(block), legs[i]))
        previous_end = block[-1].end
    return StaffDay(
        staff=staff_id,
        day=day,
        leave=leave,
        back=back,
        travel_minutes=sum(legs),
        work_minutes=sum(s.end - s.start for b in blocks for s in b),
        lunch=lunch_at,
        visits=tuple(visits),
    )


def _place_lunch(
    lunch: Lunch | None, ends: list[int], starts: list[int], legs: list[int]
) -> tuple[int | None, int | None]:
    """(lunch start, gap index) for the first gap [ends[i], starts[i]] that fits drive + lunch."""
    if lunch is None:
        return None, None
    for i, (a, b, leg) in enumerate(zip(ends, starts, legs, strict=True)):
        at = max(a, lunch.earliest)
        if b - a >= leg + lunch.minutes and at <= lunch.latest and at + lunch.minutes <= b:
            return at, i
    return None, None
