"""One search: build the model, start from given routes or a heuristic, improve, read back.

A portfolio runs several of these with different :class:`WorkerConfig`; each is a pure
function of (problem, config, limits, start routes), which is what makes a run with an
iteration limit reproducible.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from google.protobuf.duration_pb2 import Duration
from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.util.optional_boolean_pb2 import BOOL_FALSE, BOOL_TRUE

from solver.routing.construction import MAX_ATTEMPTS, construct_routes
from solver.routing.extract import routes_of, visits_of
from solver.routing.model import BuiltModel, build_model
from solver.routing.objective import evaluate
from solver.routing.problem import RoutingProblem
from solver.routing.result import RoutingSolution
from solver.routing.ruin import ruin_and_recreate

Report = Callable[[int, float], None]

# Share of the budget (at most CONSTRUCTION_SECONDS) for our construction's attempts; runs
# with an iteration limit make CONSTRUCTION_ATTEMPTS attempts instead, to stay reproducible.
CONSTRUCTION_SHARE = 0.1
CONSTRUCTION_SECONDS = 2.0
CONSTRUCTION_ATTEMPTS = 6
# Iterations a ruin round counts for, when an iteration limit sets the number of rounds.
ROUND_COST = 50
# Search-tree branches allowed per iteration of an iteration limit (a backstop, see below).
BRANCHES_PER_ITERATION = 2000
FIRST = routing_enums_pb2.FirstSolutionStrategy
META = routing_enums_pb2.LocalSearchMetaheuristic


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    # An OR-Tools FirstSolutionStrategy name, used when no start routes are given or they
    # cannot be restored.
    first_solution: str = "PARALLEL_CHEAPEST_INSERTION"
    # "GUIDED_LOCAL_SEARCH", "SIMULATED_ANNEALING", "TABU_SEARCH", ... or "ILS": OR-Tools'
    # iterated local search with SISR ruin-and-recreate.
    metaheuristic: str = "GUIDED_LOCAL_SEARCH"
    # Extra search parameters as (dotted field, value), e.g. ("ls_operator_neighbors_ratio",
    # 0.3) or ("local_search_operators.use_cross_exchange", True).
    tweaks: tuple[tuple[str, float | bool | int], ...] = ()
    # Share of the time given to ruin-and-recreate rounds (solver.routing.ruin) after the
    # metaheuristic; each round descends with GREEDY_DESCENT.
    ruin_share: float = 0.0
    # Start from our regret construction (solver.routing.construction), built in the
    # worker so it runs beside the other workers' searches.
    construct: bool = False


def search_parameters(
    config: WorkerConfig, seconds: float | None, iterations: int | None
) -> object:
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(FIRST, config.first_solution)
    if config.metaheuristic == "ILS":
        params.use_iterated_local_search = True
        _use_sisr_ruin(params)
    else:
        params.local_search_metaheuristic = getattr(META, config.metaheuristic)
    for path, value in config.tweaks:
        _set_field(params, path, value)
    if seconds is not None:
        params.time_limit.CopyFrom(_duration(seconds))
    if iterations is not None:
        params.solution_limit = iterations
    return params


def _set_field(params: object, path: str, value: float | bool | int) -> None:
    *parents, name = path.split(".")
    target = params
    for parent in parents:
        target = getattr(target, parent)
    if isinstance(value, bool):
        value = BOOL_TRUE if value else BOOL_FALSE
    setattr(target, name, value)


def _use_sisr_ruin(params: object) -> None:
    """Slack-induction string removals: the ruin that suits tight time windows best."""
    ruin = params.iterated_local_search_parameters.ruin_recreate_parameters  # type: ignore[attr-defined]
    del ruin.ruin_strategies[:]
    sisr = ruin.ruin_strategies.add().sisr
    sisr.max_removed_sequence_size = 10
    sisr.avg_num_removed_visits = 10
    sisr.bypass_factor = 0.01


def _duration(seconds: float) -> Duration:
    whole = int(seconds)
    return Duration(seconds=whole, nanos=int((seconds - whole) * 1e9))


def run_worker(
    problem: RoutingProblem,
    config: WorkerConfig,
    seconds: float | None,
    iterations: int | None,
    start_routes: Sequence[Sequence[int]] | None = None,
    report: Report | None = None,
    seed: int = 0,
) -> RoutingSolution:
    began = time.monotonic()
    if config.construct:
        start_routes = _construct(problem, seconds, seed, start_routes)
    model = build_model(problem)
    routing = model.routing
    if report is not None:
        _report_improvements(model, began, report)
    if iterations is not None:
        _stop_after_branches(model, iterations * BRANCHES_PER_ITERATION)
    phase = None if seconds is None else seconds * (1.0 - config.ruin_share)
    params = search_parameters(config, _remaining(phase, began), iterations)
    initial = None
    if start_routes is not None:
        indices = [[model.index_of_stop(s) for s in route] for route in start_routes]
        initial = routing.ReadAssignmentFromRoutes(indices, True)
    if initial is not None:
        # A large model with breaks can spend the whole budget placing breaks and come back
        # empty-handed; the restored start is still a valid answer then.
        assignment = routing.SolveFromAssignmentWithParameters(initial, params) or initial
    else:
        assignment = routing.SolveWithParameters(params)
    if assignment is not None and config.ruin_share > 0:
        assignment = _ruin_phase(model, config, assignment, seconds, iterations, seed, began)
    return _solution(model, assignment, began)


def _ruin_phase(
    model: BuiltModel,
    config: WorkerConfig,
    assignment: pywrapcp.Assignment,
    seconds: float | None,
    iterations: int | None,
    seed: int,
    began: float,
) -> pywrapcp.Assignment:
    descent = replace(config, metaheuristic="GREEDY_DESCENT", ruin_share=0.0)
    deadline = None if seconds is None else began + seconds
    # Reproducible runs get a round count from the iteration limit instead of a deadline.
    rounds = None if iterations is None else max(iterations // ROUND_COST, 1)

    def params_for(left: float | None) -> object:
        return search_parameters(descent, left, None)

    routes = ruin_and_recreate(model, assignment, params_for, deadline, rounds, seed)
    indices = [[model.index_of_stop(s) for s in route] for route in routes]
    restored = model.routing.ReadAssignmentFromRoutes(indices, True)
    return restored if restored is not None else assignment


def _construct(
    problem: RoutingProblem,
    seconds: float | None,
    seed: int,
    given: Sequence[Sequence[int]] | None,
) -> list[list[int]] | None:
    budget = None if seconds is None else min(CONSTRUCTION_SHARE * seconds, CONSTRUCTION_SECONDS)
    attempts = CONSTRUCTION_ATTEMPTS if budget is None else MAX_ATTEMPTS
    start = None if given is None else [list(route) for route in given]
    return construct_routes(problem, seed, start, budget, attempts)


def _stop_after_branches(model: BuiltModel, branches: int) -> None:
    """A deterministic backstop: a metaheuristic that finds no move never reaches a
    solution limit (seen on one-stop problems), but it keeps branching."""
    never = 2**62
    limit = model.routing.solver().Limit(never, branches, never, never)
    model.keep_alive.append(limit)
    model.routing.AddSearchMonitor(limit)


def _remaining(seconds: float | None, began: float) -> float | None:
    if seconds is None:
        return None
    return max(seconds - (time.monotonic() - began), 0.01)


def _report_improvements(model: BuiltModel, began: float, report: Report) -> None:
    best = [2**63]

    def on_solution() -> None:
        cost = int(model.routing.CostVar().Value())
        if cost < best[0]:
            best[0] = cost
            report(cost, time.monotonic() - began)

    model.keep_alive.append(on_solution)
    model.routing.AddAtSolutionCallback(on_solution)


def _solution(
    model: BuiltModel, assignment: pywrapcp.Assignment | None, began: float
) -> RoutingSolution:
    problem = model.layout.problem
    iterations = int(model.routing.solver().Solutions())
    if assignment is None:
        fail_timeout = routing_enums_pb2.RoutingSearchStatus.ROUTING_FAIL_TIMEOUT
        timed_out = model.routing.status() == fail_timeout
        return RoutingSolution(
            routes=tuple(() for _ in problem.vehicles),
            dropped=tuple(range(len(problem.stops))),
            objective=0,
            total_distance=0,
            prize_collected=0,
            status="timeout" if timed_out else "infeasible",
            iterations=iterations,
            elapsed_seconds=time.monotonic() - began,
        )
    routes = routes_of(model, assignment)
    visits, breaks = visits_of(model, assignment, routes)
    cost = evaluate(problem, routes)
    done = {s for r in routes for s in r}
    return RoutingSolution(
        routes=visits,
        dropped=tuple(i for i in range(len(problem.stops)) if i not in done),
        objective=cost.objective,
        total_distance=cost.distance,
        prize_collected=cost.prize_collected,
        status="infeasible" if cost.mandatory_dropped else "feasible",
        iterations=iterations,
        elapsed_seconds=time.monotonic() - began,
        break_starts=breaks,
    )
