"""The LP bound: never below what a plan achieves, tight where capacity is plain."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.routing import SearchLimits
from solver.week.bound import coverage_bound
from solver.week.index import WeekIndex
from solver.week.instance import Lunch, PairingMode, SchoolKind, Week
from tests.solver.week.builders import need, school, solve_checked, staff, week

SKILLS = ("choir", "dance")


def test_bound_counts_only_reachable_sessions() -> None:
    w = week(
        [school("Near", 10), school("Far", 400)],
        [staff("A", {"choir"})],
        [need("N1", "Near"), need("N2", "Far")],
    )
    index = WeekIndex(w)
    assert coverage_bound(index) == pytest.approx(index.values["N1"], abs=1e-5)


def test_bound_respects_work_minutes() -> None:
    w = week(
        [school(f"S{i}", 10) for i in range(4)],
        [staff("A", {"choir"}, days=1, max_work=120)],
        [need(f"N{i}", f"S{i}") for i in range(4)],
        days=1,
    )
    index = WeekIndex(w)
    assert coverage_bound(index) == pytest.approx(2 * index.values["N0"], abs=1e-5)


@st.composite
def small_weeks(draw: st.DrawFn) -> Week:
    n_days = draw(st.integers(2, 3))
    n_schools = draw(st.integers(3, 6))
    schools = [
        school(
            f"S{i}",
            draw(st.integers(5, 200)),
            township=f"T{i % 2}",
            kind=draw(st.sampled_from(list(SchoolKind))),
            closed_days=frozenset(draw(st.sets(st.integers(0, n_days - 1), max_size=1))),
        )
        for i in range(n_schools)
    ]
    members = [
        staff(
            f"A{k}",
            set(draw(st.sets(st.sampled_from(SKILLS), min_size=1))),
            days=n_days,
            lunch=draw(st.sampled_from([None, Lunch(690, 780, 45)])),
            townships=frozenset({f"T{k % 2}"}),
            max_work=draw(st.sampled_from([120, 240, 360])),
        )
        for k in range(draw(st.integers(2, 3)))
    ]
    needs = [
        need(
            f"N{i}",
            f"S{i}",
            draw(st.sampled_from(SKILLS)),
            sessions=draw(st.integers(1, 2)),
            minutes=draw(st.sampled_from([45, 60, 90])),
            priority=draw(st.integers(1, 3)),
            carry_over=draw(st.integers(0, 2)),
        )
        for i in range(n_schools)
    ]
    pairing = draw(st.sampled_from(list(PairingMode)))
    return week(schools, members, needs, days=n_days, pairing=pairing)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_weeks())
def test_random_small_weeks_give_checked_plans_within_the_bound(w: Week) -> None:
    plan = solve_checked(w, SearchLimits(seconds=None, iterations=40, workers=1))
    assert plan.kpis.weighted_coverage <= plan.kpis.bound + 1e-6
    assert plan.kpis.bound <= plan.kpis.weighted_requested + 1e-6
    assert plan.kpis.sessions_placed + sum(u.sessions for u in plan.unplaced) == (
        plan.kpis.sessions_requested
    )
