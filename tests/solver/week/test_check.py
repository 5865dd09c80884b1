"""The checker catches each kind of violation injected into a valid plan."""

import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from solver.week.check import check_plan
from solver.week.instance import Case, PairingMode, Pin, StaffKind, Week
from solver.week.plan import Plan, Session, StaffDay, Visit
from tests.solver.week.builders import need, school, solve_checked, staff, week


def base_week() -> Week:
    return week(
        [school("S1", 20), school("S2", 40, township="T2")],
        [
            staff("A", {"choir"}, days=1, townships=frozenset({"T1", "T2"})),
            staff("P", {"psychology"}, days=1, kind=StaffKind.PSYCHOLOGY),
        ],
        [need("N1", "S1"), need("N2", "S2")],
        [Case("C1", "S1", "P", sessions=1, minutes=40)],
        days=1,
    )


@pytest.fixture(scope="module")
def valid() -> tuple[Week, Plan]:
    w = base_week()
    plan = solve_checked(w)
    assert plan.kpis.sessions_placed == 3
    return w, plan


def route_of(plan: Plan, staff_id: str) -> StaffDay:
    return next(r for r in plan.routes if r.staff == staff_id)


def with_route(plan: Plan, route: StaffDay) -> Plan:
    others = tuple(r for r in plan.routes if (r.staff, r.day) != (route.staff, route.day))
    return replace(plan, routes=(*others, route))


def first_session(route: StaffDay, **changes: object) -> StaffDay:
    visit = route.visits[0]
    session = replace(visit.sessions[0], **changes)  # type: ignore[arg-type]
    return replace(
        route, visits=(replace(visit, sessions=(session, *visit.sessions[1:])), *route.visits[1:])
    )


Corruption = Callable[[Week, Plan], tuple[Week, Plan]]


def staff_a(w: Week, **changes: object) -> Week:
    members = tuple(replace(m, **changes) if m.id == "A" else m for m in w.staff)  # type: ignore[arg-type]
    return replace(w, staff=members)


def every_school(w: Week, **changes: object) -> Week:
    return replace(w, schools=tuple(replace(s, **changes) for s in w.schools))  # type: ignore[arg-type]


def route_a(p: Plan, **changes: object) -> Plan:
    return with_route(p, replace(route_of(p, "A"), **changes))  # type: ignore[arg-type]


def visits_a(p: Plan, *visits: Visit) -> Plan:
    return route_a(p, visits=visits)


def a_visits(p: Plan) -> tuple[Visit, ...]:
    return route_of(p, "A").visits


def repeat_first_session_late(p: Plan) -> Plan:
    first = a_visits(p)[0]
    again = replace(
        first,
        arrival=16 * 60,
        sessions=(Session(first.sessions[0].demand, 16 * 60 + 10, 16 * 60 + 70),),
    )
    return visits_a(p, *a_visits(p), again)


def swap_schools(p: Plan) -> Plan:
    return visits_a(
        p, *(replace(v, school="S1" if v.school == "S2" else "S2") for v in a_visits(p))
    )


CORRUPTIONS: dict[str, Corruption] = {
    "unknown_reference": lambda w, p: (w, route_a(p, staff="Z")),
    "staff_unavailable": lambda w, p: (staff_a(w, availability=()), p),
    "wrong_school": lambda w, p: (w, swap_schools(p)),
    "case_teacher": lambda w, p: (replace(w, cases=(Case("C1", "S1", "A", 1, 40),)), p),
    "skill": lambda w, p: (staff_a(w, skills=frozenset()), p),
    "pairing": lambda w, p: (
        staff_a(replace(w, pairing=PairingMode.HARD), townships=frozenset({"T9"})),
        p,
    ),
    "duration": lambda w, p: (
        w,
        with_route(p, first_session(route_of(p, "A"), end=a_visits(p)[0].start + 5)),
    ),
    "school_closed": lambda w, p: (every_school(w, closed_days=frozenset({0})), p),
    "school_hours": lambda w, p: (every_school(w, opens=16 * 60), p),
    "school_lunch": lambda w, p: (every_school(w, lunch_start=7 * 60, lunch_end=17 * 60), p),
    "shift": lambda w, p: (w, route_a(p, leave=7 * 60)),
    "reported_travel": lambda w, p: (
        w,
        visits_a(p, replace(a_visits(p)[0], travel_minutes=1), *a_visits(p)[1:]),
    ),
    "travel_time": lambda w, p: (
        w,
        visits_a(p, replace(a_visits(p)[0], arrival=route_of(p, "A").leave), *a_visits(p)[1:]),
    ),
    "overlap": lambda w, p: (w, visits_a(p, a_visits(p)[0], a_visits(p)[0])),
    "reported_totals": lambda w, p: (w, route_a(p, work_minutes=1)),
    "max_travel": lambda w, p: (staff_a(w, max_travel_minutes=10), p),
    "max_work": lambda w, p: (staff_a(w, max_work_minutes=10), p),
    "staff_lunch": lambda w, p: (w, route_a(p, lunch=None)),
    "too_many_sessions": lambda w, p: (
        replace(w, needs=tuple(replace(n, sessions=0) for n in w.needs)),
        p,
    ),
    "same_day_twice": lambda w, p: (w, repeat_first_session_late(p)),
    "pin_missing": lambda w, p: (replace(w, pins=(Pin("N1", "P", 0),)), p),
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_each_injected_violation_is_reported(valid: tuple[Week, Plan], kind: str) -> None:
    w, plan = CORRUPTIONS[kind](*valid)
    kinds = {v.kind for v in check_plan(w, plan)}
    assert kind in kinds


def test_a_valid_plan_has_no_violation(valid: tuple[Week, Plan]) -> None:
    assert check_plan(*valid) == []


def test_visit_blocks_group_sessions_at_one_school(valid: tuple[Week, Plan]) -> None:
    for route in valid[1].routes:
        schools = [v.school for v in route.visits]
        assert all(a != b for a, b in itertools.pairwise(schools))
        assert all(isinstance(v, Visit) and v.sessions for v in route.visits)
