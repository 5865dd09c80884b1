from pathlib import Path

from solver.formats.solomon import read_solomon, toptw_problem, vrptw_problem
from solver.routing import Break
from solver.routing.construction import construct_routes
from solver.routing.objective import evaluate
from tests.solver.routing.builders import line_problem, stop

TINY = Path(__file__).parents[1] / "data" / "tiny_solomon.txt"


def test_serves_every_customer_of_an_easy_file() -> None:
    problem = vrptw_problem(read_solomon(TINY))
    routes = construct_routes(problem, seed=0, seconds=None, attempts=3)
    assert routes is not None
    assert sorted(s for r in routes for s in r) == list(range(len(problem.stops)))
    assert evaluate(problem, routes).mandatory_dropped == 0


def test_orienteering_takes_only_what_fits() -> None:
    problem = toptw_problem(read_solomon(TINY), tours=1)
    routes = construct_routes(problem, seed=0, seconds=None, attempts=3)
    assert routes is not None and 0 < len(routes[0]) <= len(problem.stops)


def test_pins_lead_their_route_in_order_and_lunch_fits() -> None:
    stops = [stop(k, service=40, mandatory=True) for k in (1, 2, 3, 4)]
    lunch = Break(earliest=100, latest=130, duration=30)
    problem = line_problem(stops, vehicles=2, shift=(0, 300), breaks=(lunch,), pinned={1: (3, 0)})
    routes = construct_routes(problem, seed=0, seconds=None, attempts=3)
    assert routes is not None
    assert [s for s in routes[1] if s in (0, 3)] == [3, 0]
    assert sorted(s for r in routes for s in r) == [0, 1, 2, 3]


def test_keeps_given_routes_when_they_still_fit() -> None:
    stops = [stop(k, mandatory=True) for k in (1, 2, 3)]
    problem = line_problem(stops, vehicles=2)
    routes = construct_routes(problem, seed=0, given=[[], [2, 1, 0]], seconds=None, attempts=1)
    assert routes is not None and sorted(routes[1]) == [0, 1, 2]
