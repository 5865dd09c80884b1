"""Can one staff member do one session alone on one day? The round trip test.

Base → school → base, the session inside the school's hours (never across its lunch), the
staff member's own lunch somewhere in their day, and their travel and work limits. A session
that fails this for every staff-day can never be placed; the model leaves such pairs out, the
bound relies on it, and the explanations call it "out of reach".
"""

from __future__ import annotations

from solver.week.instance import School, Staff
from solver.week.travel import Roads


def first_start(windows: tuple[tuple[int, int], ...], lo: int, hi: int) -> int | None:
    """The earliest start in ``windows`` that lies in [lo, hi]."""
    for start, end in windows:
        s = max(start, lo)
        if s <= min(end, hi):
            return s
    return None


def round_trip_start(
    staff: Staff, day: int, school: School, minutes: int, roads: Roads
) -> int | None:
    """A feasible session start for a lone visit, or None when the trip cannot be made."""
    window = staff.window(day)
    if window is None or day in school.closed_days:
        return None
    to_school = roads.minutes(staff.base, school.id)
    back = roads.minutes(school.id, staff.base)
    if to_school + back > staff.max_travel_minutes or minutes > staff.max_work_minutes:
        return None
    windows = school.session_windows(minutes)
    lunch = staff.lunch
    if lunch is None:
        return first_start(windows, window.start + to_school, window.end - back - minutes)
    # Lunch before the session (at base or on the way), then the session.
    if max(window.start, lunch.earliest) <= lunch.latest:
        lo = max(window.start + to_school, lunch.earliest) + lunch.minutes
        found = first_start(windows, lo, window.end - back - minutes)
        if found is not None:
            return found
    # The session first, lunch afterwards (at the school or on the way back).
    hi = min(window.end - back - lunch.minutes - minutes, lunch.latest - minutes)
    found = first_start(windows, window.start + to_school, hi)
    if found is not None and max(found + minutes, lunch.earliest) + lunch.minutes <= window.end:
        return found
    return None
