"""An independent checker: recomputes every time and drive of a plan from the week alone.

It shares no code with the model or the router (only the travel look-up and the instance
types), so a bug there cannot hide itself here. Each rule is one function that says the rule
in its docstring and returns the violations it found, naming who broke it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from solver.week.instance import PSYCHOLOGY, PairingMode, School, Staff, Week
from solver.week.plan import Plan, StaffDay
from solver.week.travel import Roads


@dataclass(frozen=True, slots=True)
class Violation:
    kind: str
    where: str  # "staff@day", or a need id / case code
    message: str


@dataclass(frozen=True, slots=True)
class _Context:
    week: Week
    roads: Roads
    schools: dict[str, School]
    staff: dict[str, Staff]
    # demand id → (school, skill, sessions, minutes, fixed teacher or None)
    demands: dict[str, tuple[str, str, int, int, str | None]]


Rule = Callable[[_Context, StaffDay], Iterator[Violation]]


def check_plan(week: Week, plan: Plan) -> list[Violation]:
    demands: dict[str, tuple[str, str, int, int, str | None]] = {
        n.id: (n.school, n.skill, n.sessions, n.minutes, None) for n in week.needs
    }
    demands.update(
        {c.code: (c.school, PSYCHOLOGY, c.sessions, c.minutes, c.teacher) for c in week.cases}
    )
    ctx = _Context(
        week,
        Roads(week),
        {s.id: s for s in week.schools},
        {s.id: s for s in week.staff},
        demands,
    )
    found: list[Violation] = []
    for route in plan.routes:
        where = f"{route.staff}@{route.day}"
        if route.staff not in ctx.staff or not 0 <= route.day < len(week.days):
            found.append(Violation("unknown_reference", where, "no such staff member or day"))
            continue
        if ctx.staff[route.staff].window(route.day) is None:
            found.append(Violation("staff_unavailable", where, "staff does not work that day"))
            continue
        unknown = [
            s.demand for v in route.visits for s in v.sessions if s.demand not in ctx.demands
        ]
        if unknown:
            found.append(Violation("unknown_reference", where, f"unknown demands {unknown}"))
            continue
        for rule in RULES:
            found.extend(rule(ctx, route))
    found.extend(_week_rules(ctx, plan))
    return found


def _sessions(route: StaffDay) -> Iterator[tuple[str, str, int, int]]:
    for visit in route.visits:
        for s in visit.sessions:
            yield visit.school, s.demand, s.start, s.end


def qualified(ctx: _Context, route: StaffDay) -> Iterator[Violation]:
    """A session needs the skill; a case only its own teacher; hard pairing keeps townships."""
    staff = ctx.staff[route.staff]
    for school_id, demand, _, _ in _sessions(route):
        school, skill, _, _, teacher = ctx.demands[demand]
        where = f"{route.staff}@{route.day}"
        if school_id != school:
            yield Violation("wrong_school", where, f"{demand} belongs to {school}")
        if teacher is not None and teacher != staff.id:
            yield Violation("case_teacher", where, f"case {demand} belongs to {teacher}")
        if teacher is None and skill not in staff.skills:
            yield Violation("skill", where, f"{demand} needs {skill}")
        township = ctx.schools[school].township
        if (
            ctx.week.pairing == PairingMode.HARD
            and staff.townships
            and township not in staff.townships
        ):
            yield Violation("pairing", where, f"{demand}: township {township} is not paired")


def school_hours(ctx: _Context, route: StaffDay) -> Iterator[Violation]:
    """A session lasts its minutes, inside opening hours, not across lunch, not when closed."""
    where = f"{route.staff}@{route.day}"
    for school_id, demand, start, end in _sessions(route):
        school = ctx.schools[ctx.demands[demand][0]]
        if end - start != ctx.demands[demand][3]:
            yield Violation("duration", where, f"{demand} lasts {end - start} min")
        if route.day in school.closed_days:
            yield Violation("school_closed", where, f"{school_id} is closed that day")
        if start < school.opens or end > school.closes:
            yield Violation("school_hours", where, f"{demand} {start}-{end} outside hours")
        if start < school.lunch_end and end > school.lunch_start:
            yield Violation("school_lunch", where, f"{demand} {start}-{end} crosses lunch")


def timing(ctx: _Context, route: StaffDay) -> Iterator[Violation]:
    """Leave after the day starts, drive every leg in full, never overlap, back before it ends."""
    staff, where = ctx.staff[route.staff], f"{route.staff}@{route.day}"
    window = staff.window(route.day)
    assert window is not None
    if route.leave < window.start:
        yield Violation("shift", where, f"leaves at {route.leave} before {window.start}")
    place, free_at = staff.base, route.leave
    for visit in route.visits:
        leg = ctx.roads.minutes(place, visit.school)
        if visit.travel_minutes != leg:
            yield Violation("reported_travel", where, f"leg to {visit.school} is {leg} min")
        if visit.arrival < free_at + leg or visit.start < visit.arrival:
            yield Violation("travel_time", where, f"cannot reach {visit.school} by {visit.start}")
        for s in visit.sessions:
            if s.start < free_at + leg:
                yield Violation("overlap", where, f"{s.demand} starts before the last ends")
            free_at, leg = s.end, 0
        place = visit.school
    back = ctx.roads.minutes(place, staff.base)
    if route.back < free_at + back:
        yield Violation("travel_time", where, f"cannot be back at base by {route.back}")
    if route.back > window.end:
        yield Violation("shift", where, f"back at {route.back} after {window.end}")


def limits(ctx: _Context, route: StaffDay) -> Iterator[Violation]:
    """Travel and teaching minutes within the staff member's daily limits, reported truly."""
    staff, where = ctx.staff[route.staff], f"{route.staff}@{route.day}"
    path = [staff.base, *(v.school for v in route.visits), staff.base]
    travel = sum(ctx.roads.minutes(a, b) for a, b in itertools.pairwise(path))
    work = sum(end - start for _, _, start, end in _sessions(route))
    if travel != route.travel_minutes or work != route.work_minutes:
        yield Violation("reported_totals", where, f"travel {travel}, work {work}")
    if travel > staff.max_travel_minutes:
        yield Violation("max_travel", where, f"{travel} min driving")
    if work > staff.max_work_minutes:
        yield Violation("max_work", where, f"{work} min teaching")


def staff_lunch(ctx: _Context, route: StaffDay) -> Iterator[Violation]:
    """The staff lunch starts in its window, in a gap that also holds that gap's drive."""
    staff, where = ctx.staff[route.staff], f"{route.staff}@{route.day}"
    lunch, window = staff.lunch, staff.window(route.day)
    if lunch is None or window is None:
        return
    at = route.lunch
    if at is None or not lunch.earliest <= at <= lunch.latest:
        yield Violation("staff_lunch", where, f"lunch at {at} outside its window")
        return
    sessions = list(_sessions(route))
    places = [staff.base, *(school for school, _, _, _ in sessions), staff.base]
    ends = [window.start, *(end for _, _, _, end in sessions)]
    starts = [*(start for _, _, start, _ in sessions), window.end]
    for i, (a, b) in enumerate(zip(ends, starts, strict=True)):
        leg = ctx.roads.minutes(places[i], places[i + 1])
        if a <= at and at + lunch.minutes <= b and b - a >= leg + lunch.minutes:
            return
    yield Violation("staff_lunch", where, f"no room for a {lunch.minutes} min lunch at {at}")


RULES: tuple[Rule, ...] = (qualified, school_hours, timing, limits, staff_lunch)


def _week_rules(ctx: _Context, plan: Plan) -> Iterator[Violation]:
    """At most k sessions of a demand a week, on different days; every pin kept."""
    days: dict[str, list[int]] = {}
    done = set()
    for route in plan.routes:
        for _, demand, _, _ in _sessions(route):
            days.setdefault(demand, []).append(route.day)
            done.add((demand, route.staff, route.day))
    for demand, on in days.items():
        if demand not in ctx.demands:
            continue
        if len(on) > ctx.demands[demand][2]:
            yield Violation("too_many_sessions", demand, f"{len(on)} sessions placed")
        twice = [d for d, n in Counter(on).items() if n > 1]
        if twice:
            yield Violation("same_day_twice", demand, f"twice on day(s) {twice}")
    for pin in ctx.week.pins:
        if (pin.demand, pin.staff, pin.day) not in done:
            yield Violation("pin_missing", pin.demand, f"pinned to {pin.staff}@{pin.day}")
