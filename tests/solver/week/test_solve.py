import itertools
from dataclasses import replace

import pytest

from solver.routing import SearchLimits
from solver.week.index import WeekIndex
from solver.week.instance import PairingMode, Pin, PreviousVisit, SchoolKind, Week
from solver.week.plan import Plan
from tests.solver.week.builders import need, school, solve_checked, staff, week


def placed(plan: Plan) -> set[tuple[str, str, int]]:
    return {(s.demand, r.staff, r.day) for r in plan.routes for v in r.visits for s in v.sessions}


def small_county() -> Week:
    return week(
        [school(f"S{i}", 10 + 15 * i, township="T1" if i < 3 else "T2") for i in range(6)],
        [
            staff("A", {"choir", "dance"}, townships=frozenset({"T1"})),
            staff("B", {"choir"}, townships=frozenset({"T2"})),
        ],
        [
            need(f"N{i}", f"S{i}", "choir" if i % 2 else "dance", sessions=1 + i % 2)
            for i in range(6)
        ],
    )


@pytest.mark.parametrize("decomposition", ["week", "day"])
def test_small_county_plan_is_checked_and_covers_what_fits(decomposition: str) -> None:
    plan = solve_checked(small_county(), decomposition=decomposition)
    assert plan.status == "feasible"
    assert plan.kpis.sessions_placed == plan.kpis.sessions_requested == 9
    assert plan.kpis.weighted_coverage <= plan.kpis.bound + 1e-6


def test_iteration_limit_and_seed_make_the_run_reproducible() -> None:
    w = small_county()
    first = solve_checked(w, seed=3)
    again = solve_checked(w, seed=3)
    assert first.routes == again.routes


def test_pins_are_kept_even_against_the_objective() -> None:
    # N1 (township T1) pinned to B, who is paired with T2, on day 1.
    w = replace(small_county(), pins=(Pin("N1", "B", 1),))
    plan = solve_checked(w)
    assert ("N1", "B", 1) in placed(plan)
    pinned = [
        s.pinned
        for r in plan.routes
        for v in r.visits
        for s in v.sessions
        if (s.demand, r.staff, r.day) == ("N1", "B", 1)
    ]
    assert pinned == [True]


def test_hard_pairing_is_respected() -> None:
    w = replace(small_county(), pairing=PairingMode.HARD)
    plan = solve_checked(w)
    township = {s.id: s.township for s in w.schools}
    paired = {m.id: m.townships for m in w.staff}
    for route in plan.routes:
        for visit in route.visits:
            assert township[visit.school] in paired[route.staff]


def test_staff_lunch_and_school_lunch_are_never_crossed() -> None:
    plan = solve_checked(small_county())
    lunch = small_county().staff[0].lunch
    assert lunch is not None
    for route in plan.routes:
        assert route.lunch is not None and lunch.earliest <= route.lunch <= lunch.latest
        for visit in route.visits:
            for s in visit.sessions:
                assert s.end <= 12 * 60 or s.start >= 14 * 60
                assert not (s.start < route.lunch + lunch.minutes and s.end > route.lunch)


def test_carry_over_wins_the_last_slot() -> None:
    # One staff-day, work for one 200-minute session: the need missed last week gets it.
    members = [staff("A", {"choir"}, days=1, max_work=200)]
    schools = [school("S1", 10), school("S2", 10)]
    fresh = week(
        schools, members, [need("N1", "S1", minutes=200), need("N2", "S2", minutes=200)], days=1
    )
    carried = week(
        schools,
        members,
        [need("N1", "S1", minutes=200), need("N2", "S2", minutes=200, carry_over=1)],
        days=1,
    )
    assert placed(solve_checked(carried)) == {("N2", "A", 0)}
    session = solve_checked(carried).routes[0].visits[0].sessions[0]
    assert session.carry_over
    assert len(placed(solve_checked(fresh))) == 1


def test_previous_plan_is_kept_when_nothing_changed() -> None:
    w = small_county()
    first = solve_checked(w)
    previous = tuple(
        PreviousVisit(s.demand, r.staff, r.day, s.start)
        for r in first.routes
        for v in r.visits
        for s in v.sessions
    )
    again = solve_checked(replace(w, previous=previous), seed=7)
    assert again.kpis.changes == 0
    assert placed(again) == placed(first)


def test_time_limit_run_returns_a_checked_plan() -> None:
    plan = solve_checked(small_county(), SearchLimits(seconds=1.0, workers=1))
    assert plan.kpis.sessions_placed == 9


# --- brute force on tiny weeks -------------------------------------------------------------


def best_by_brute_force(w: Week) -> float:
    """Tries every assignment of (need, day) to a staff member; staff have no lunch here."""
    index = WeekIndex(w)
    keys = [(d, day) for d in index.demands for day in range(len(w.days))]
    best = 0.0
    for choice in itertools.product([None, *w.staff], repeat=len(keys)):
        days_per_demand: dict[str, int] = {}
        per_staff_day: dict[tuple[str, int], list[str]] = {}
        for (d, day), member in zip(keys, choice, strict=True):
            if member is None:
                continue
            if d.skill not in member.skills or member.window(day) is None:
                break
            days_per_demand[d.id] = days_per_demand.get(d.id, 0) + 1
            per_staff_day.setdefault((member.id, day), []).append(d.id)
        else:
            if any(n > index.demand[k].sessions for k, n in days_per_demand.items()):
                continue
            if all(_route_fits(index, k, v) for k, v in per_staff_day.items()):
                best = max(best, sum(index.values[x] for v in per_staff_day.values() for x in v))
    return best


def _route_fits(index: WeekIndex, key: tuple[str, int], demands: list[str]) -> bool:
    member = index.staff[key[0]]
    window = member.window(key[1])
    assert window is not None
    for order in itertools.permutations(demands):
        t, place, travel, ok = window.start, member.base, 0, True
        for d in order:
            demand = index.demand[d]
            school = index.schools[demand.school]
            if key[1] in school.closed_days:
                return False
            leg = index.roads.minutes(place, school.id)
            travel += leg
            start = next(
                (
                    max(a, t + leg)
                    for a, b in school.session_windows(demand.minutes)
                    if max(a, t + leg) <= b
                ),
                None,
            )
            if start is None:
                ok = False
                break
            t, place = start + demand.minutes, school.id
        travel += index.roads.minutes(place, member.base)
        work = sum(index.demand[d].minutes for d in demands)
        if (
            ok
            and t + index.roads.minutes(place, member.base) <= window.end
            and (travel <= member.max_travel_minutes and work <= member.max_work_minutes)
        ):
            return True
    return False


@pytest.mark.parametrize("seed", range(3))
def test_tiny_weeks_reach_the_brute_force_optimum(seed: int) -> None:
    import random

    rng = random.Random(seed)
    w = week(
        [
            school(f"S{i}", rng.randint(20, 150), kind=rng.choice(list(SchoolKind)))
            for i in range(3)
        ],
        [
            staff("A", {"choir"}, lunch=None, max_work=rng.choice((120, 180)), max_travel=240),
            staff("B", {"choir", "dance"}, lunch=None, max_work=120, max_travel=200),
        ],
        [
            need(
                f"N{i}",
                f"S{i}",
                rng.choice(("choir", "dance")),
                sessions=rng.randint(1, 2),
                minutes=rng.choice((60, 90)),
                priority=rng.randint(1, 3),
            )
            for i in range(3)
        ],
    )
    plan = solve_checked(w, SearchLimits(seconds=None, iterations=300, workers=1))
    assert plan.kpis.weighted_coverage == pytest.approx(best_by_brute_force(w), abs=1e-3)
