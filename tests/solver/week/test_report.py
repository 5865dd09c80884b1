"""KPIs and the presentation of routes: travel spread, changes, teaching points left out."""

from dataclasses import replace

from solver.week.instance import PreviousVisit, SchoolKind
from tests.solver.week.builders import need, school, solve_checked, staff, week


def test_kpis_count_sessions_travel_and_unvisited_teaching_points() -> None:
    w = week(
        [school("Near", 10), school("Point", 500, kind=SchoolKind.TEACHING_POINT)],
        [staff("A", {"choir"}, days=1), staff("Idle", {"dance"}, days=1)],
        [need("N1", "Near"), need("N2", "Point")],
        days=1,
    )
    plan = solve_checked(w)
    k = plan.kpis
    assert (k.sessions_requested, k.sessions_placed) == (2, 1)
    assert k.teaching_points_unvisited == ("Point",)
    assert k.travel_total == 20
    assert (k.travel_per_staff.min, k.travel_per_staff.max) == (0, 20)
    assert (k.work_per_staff.min, k.work_per_staff.max) == (0, 60)
    (route,) = plan.routes
    assert (route.leave, route.back) == (route.visits[0].start - 10, route.visits[0].end + 10)


def test_changes_count_visits_moved_against_the_previous_plan() -> None:
    w = week([school("S1", 10)], [staff("A", {"choir"}, days=1)], [need("N1", "S1")], days=1)
    moved = replace(w, previous=(PreviousVisit("N1", "Ghost", 0, 600),))
    assert solve_checked(moved).kpis.changes == 2  # one visit dropped, one added
