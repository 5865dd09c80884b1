"""Random tiny problems: whatever the solver returns must pass the independent check."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.routing import Break, RoutingProblem, SearchLimits, Stop, StopGroup, solve_routing
from tests.solver.routing.builders import line_problem
from tests.solver.routing.feasibility import violations


@st.composite
def windows(draw: st.DrawFn) -> tuple[tuple[int, int], ...]:
    open_at = draw(st.integers(0, 150))
    first = (open_at, open_at + draw(st.integers(0, 80)))
    if not draw(st.booleans()):
        return (first,)
    reopen = first[1] + draw(st.integers(10, 60))  # a lunch closure
    return (first, (reopen, reopen + draw(st.integers(0, 80))))


@st.composite
def problems(draw: st.DrawFn) -> RoutingProblem:
    n = draw(st.integers(1, 6))
    stops = [
        Stop(
            id=f"s{i}",
            location=draw(st.integers(1, 4)),
            service=draw(st.integers(0, 30)),
            windows=draw(windows()),
            prize=draw(st.integers(0, 500)),
            mandatory=draw(st.booleans()),
            demand=draw(st.integers(0, 5)),
            allowed_vehicles=draw(st.none() | st.just(frozenset({0}))),
        )
        for i in range(n)
    ]
    points = [(0, 0)] + [(draw(st.integers(-30, 30)), draw(st.integers(-30, 30))) for _ in range(4)]
    lunch = Break(earliest=100, latest=160, duration=30)
    groups: tuple[StopGroup, ...] = ()
    if n >= 3 and draw(st.booleans()):
        groups = (StopGroup(stops=(0, 1, 2), max_visits=draw(st.integers(1, 2)), penalty=300),)
    return line_problem(
        stops,
        vehicles=draw(st.integers(1, 2)),
        points=points,
        shift=(0, 300),
        breaks=(lunch,) if draw(st.booleans()) else (),
        groups=groups,
        capacity=draw(st.none() | st.integers(3, 10)),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.integers(0, 3))
def test_every_returned_route_is_feasible(problem: RoutingProblem, seed: int) -> None:
    limits = SearchLimits(seconds=None, iterations=30, workers=1)
    solution = solve_routing(problem, limits, seed=seed)
    assert violations(problem, solution) == []
    if solution.status == "feasible":
        assert all(problem.stops[i].mandatory is False for i in solution.dropped)
