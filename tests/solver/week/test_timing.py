"""Re-timing a route with the staff lunch: earliest starts, lunch in a gap, drops if needed."""

from solver.week.index import WeekIndex
from solver.week.instance import Lunch
from solver.week.model import Placed
from solver.week.timing import timed_route
from tests.solver.week.builders import need, school, staff, week

LUNCH = Lunch(11 * 60 + 30, 12 * 60, 45)


def test_sessions_start_as_early_as_the_drive_allows_and_lunch_fits() -> None:
    w = week(
        [school("S1", 30), school("S2", 40)],
        [staff("A", {"choir"}, lunch=LUNCH)],
        [need("N1", "S1"), need("N2", "S2")],
    )
    route = timed_route(WeekIndex(w), "A", 0, [Placed("N1", 600), Placed("N2", 900)], frozenset())
    assert route == [Placed("N1", 8 * 60 + 30), Placed("N2", 8 * 60 + 30 + 60 + 10)]


def test_a_day_too_full_for_lunch_drops_the_least_valuable_unpinned_session() -> None:
    # Four 100-minute sessions fill 8:00-17:30 at one school up to the lunch window.
    schools = [school("S1", 1)]
    needs = [need(f"N{i}", "S1", minutes=110, priority=1 + (i == 0)) for i in range(4)]
    w = week(
        schools, [staff("A", {"choir"}, lunch=Lunch(10 * 60, 10 * 60, 45), max_work=600)], needs
    )
    index = WeekIndex(w)
    route = [Placed(f"N{i}", 0) for i in range(4)]
    kept = [p.demand for p in timed_route(index, "A", 0, route, frozenset({"N3"}))]
    assert "N0" in kept and "N3" in kept and len(kept) < 4
