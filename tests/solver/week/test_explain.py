"""Each reason for an unplaced session, on a week built to produce it."""

from solver.week.instance import Case, PairingMode, StaffKind
from solver.week.plan import Plan
from tests.solver.week.builders import need, school, solve_checked, staff, week


def reasons(plan: Plan) -> dict[str, str]:
    return {u.demand: u.reason for u in plan.unplaced}


def test_no_one_has_the_skill() -> None:
    w = week([school("S1", 10)], [staff("A", {"choir"})], [need("N1", "S1", "basketball")])
    assert reasons(solve_checked(w)) == {"N1": "no_skill"}


def test_a_case_whose_teacher_does_not_exist() -> None:
    w = week(
        [school("S1", 10)],
        [staff("A", {"psychology"}, kind=StaffKind.PSYCHOLOGY)],
        cases=[Case("C1", "S1", "Ghost")],
    )
    assert reasons(solve_checked(w)) == {"C1": "no_skill"}


def test_hard_pairing_leaves_no_squad() -> None:
    w = week(
        [school("S1", 10, township="T2")],
        [staff("A", {"choir"}, townships=frozenset({"T1"}))],
        [need("N1", "S1")],
        pairing=PairingMode.HARD,
    )
    assert reasons(solve_checked(w)) == {"N1": "not_paired"}


def test_closed_on_every_working_day() -> None:
    w = week(
        [school("S1", 10, closed_days=frozenset({0, 1}))],
        [staff("A", {"choir"})],
        [need("N1", "S1")],
    )
    assert reasons(solve_checked(w)) == {"N1": "closed"}


def test_out_of_reach_for_a_round_trip() -> None:
    w = week(
        [school("Near", 10), school("Far", 400)],
        [staff("A", {"choir"})],
        [need("N1", "Near"), need("N2", "Far")],
    )
    plan = solve_checked(w)
    assert reasons(plan) == {"N2": "out_of_reach"}


def test_outranked_names_the_staff_day_and_what_it_did() -> None:
    # One staff-day with work for one session; the priority-3 need takes it.
    w = week(
        [school("S1", 10), school("S2", 12)],
        [staff("A", {"choir"}, days=1, max_work=60)],
        [need("Low", "S1", priority=1), need("High", "S2", priority=3)],
        days=1,
    )
    plan = solve_checked(w)
    (unplaced,) = plan.unplaced
    assert (unplaced.demand, unplaced.reason) == ("Low", "outranked")
    assert unplaced.competitors and unplaced.competitors[0].startswith(
        "A on d0: 1 session(s) at S2"
    )
