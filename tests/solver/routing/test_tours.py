import numpy as np

from solver.routing.tours import INF, TourArrays, earliest_starts, latest_starts
from tests.solver.routing.builders import line_problem, stop

# One school, closed for lunch between 60 and 120.
OPENS = np.array([0, 120])
CLOSES = np.array([60, 200])


def test_earliest_start_waits_for_the_afternoon_window() -> None:
    starts = earliest_starts(OPENS, CLOSES, np.array([10, 70, 150, 250]))
    assert starts.tolist() == [10, 120, 150, INF]


def test_latest_start_falls_back_to_the_morning_window() -> None:
    starts = latest_starts(OPENS, CLOSES, np.array([100, 130, 500, -5]))
    assert starts.tolist() == [60, 130, 200, -INF]


def test_tour_schedule_and_insertion_respect_windows() -> None:
    stops = [stop(1, windows=((0, 50),)), stop(2, windows=((0, 15),)), stop(3)]
    problem = line_problem(stops, shift=(0, 100))
    arrays = TourArrays.of(problem)
    tour = arrays.tour(0, [0])
    assert tour.feasible and tour.earliest.tolist() == [0, 10, 10 + 5 + 10]
    costs, gaps = tour.insertion(np.array([1, 2]))
    # Stop 1 is 20 away and closes at 15: no gap reaches it in time.
    assert costs[0] == INF
    # Stop 2 (at 30) goes after stop 0 on the way out: 10 + 30 + 30 - 10 - 10 = 40 extra.
    assert costs[1] == 40 and gaps[1] == 1
