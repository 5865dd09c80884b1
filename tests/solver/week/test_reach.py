from solver.week.reach import round_trip_start
from solver.week.travel import Roads
from tests.solver.week.builders import LUNCH, school, staff, week


def test_a_near_school_is_reachable_at_opening_plus_the_drive() -> None:
    s, _ = near = school("S1", 30)
    w = week([near], [staff("A", {"choir"}, lunch=None)])
    assert round_trip_start(w.staff[0], 0, s, 60, Roads(w)) == 8 * 60 + 30


def test_too_far_for_the_travel_limit_is_out_of_reach() -> None:
    s, _ = far = school("S1", 200)
    w = week([far], [staff("A", {"choir"}, max_travel=300)])
    assert round_trip_start(w.staff[0], 0, s, 60, Roads(w)) is None


def test_closed_day_and_day_off_are_out_of_reach() -> None:
    s, _ = closed = school("S1", 10, closed_days=frozenset({0}))
    w = week([closed], [staff("A", {"choir"}, days=1)])
    assert round_trip_start(w.staff[0], 0, s, 60, Roads(w)) is None
    assert round_trip_start(w.staff[0], 1, s, 60, Roads(w)) is None


def test_lunch_must_fit_somewhere_in_the_day() -> None:
    # 4 h each way: leaves 8:00, teaches 12:00-... crosses school lunch; afternoon 14:00-15:00
    # leaves no time to drive back by 17:30 whether or not a lunch is taken.
    s, _ = far = school("S1", 220)
    w = week([far], [staff("A", {"choir"}, lunch=LUNCH, max_travel=600)])
    assert round_trip_start(w.staff[0], 0, s, 60, Roads(w)) is None
    s2, _ = mid = school("S2", 100)
    w2 = week([mid], [staff("A", {"choir"}, lunch=LUNCH, max_travel=600)])
    start = round_trip_start(w2.staff[0], 0, s2, 60, Roads(w2))
    assert start is not None and start >= 8 * 60 + 100
