from solver.routing import StopGroup
from solver.routing.objective import evaluate
from tests.solver.routing.builders import line_problem, stop


def test_counts_distance_dropped_prizes_and_missing_group_visits() -> None:
    stops = [stop(1, prize=70), stop(2, prize=90), stop(3), stop(4), stop(5, mandatory=True)]
    group = StopGroup(stops=(2, 3), max_visits=2, penalty=40)
    problem = line_problem(stops, vehicles=2, groups=(group,))
    cost = evaluate(problem, [[0, 2], []])
    # Route 0 -> 10 -> 30 -> 0 is 60; stop 1 dropped (90); group one visit short (40).
    assert cost.distance == 60
    assert cost.objective == 60 + 90 + 40
    assert cost.mandatory_dropped == 1
    assert cost.prize_collected == 70
