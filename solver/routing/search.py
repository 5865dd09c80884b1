"""``solve_routing``: the entry point of the routing core.

A run is a small portfolio: each worker builds the same OR-Tools model, starts from routes
(the caller's, or our insertion construction) or from an OR-Tools heuristic, and improves
with its own metaheuristic; the best answer wins. With an iteration limit instead of a time
limit every worker is deterministic, so the whole run is reproducible for a seed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from solver.routing.problem import RoutingProblem
from solver.routing.result import RoutingSolution
from solver.routing.worker import WorkerConfig, run_worker

# Operator set for every worker: the insertion LNS operators cost more time than they
# return on time-window problems (measured on Solomon files), and a stronger GLS penalty
# factor than the default 0.1 escapes local optima faster.
TWEAKS: tuple[tuple[str, float | bool | int], ...] = (
    ("local_search_operators.use_global_cheapest_insertion_path_lns", False),
    ("local_search_operators.use_local_cheapest_insertion_path_lns", False),
    ("local_search_operators.use_global_cheapest_insertion_visit_types_lns", False),
    ("local_search_operators.use_local_cheapest_insertion_visit_types_lns", False),
    ("guided_local_search_lambda_coefficient", 0.3),
)
# Workers in the order a seed rotates through them. With every stop mandatory: GLS from
# OR-Tools' parallel cheapest insertion (short routes, but it may leave stops out when the
# fleet is tight) beside GLS from our regret construction (serves everything more often).
# With prizes: the same two starts, then most of the time in ruin-and-recreate rounds,
# which GLS alone cannot replace there.
_PCI, _GLS = "PARALLEL_CHEAPEST_INSERTION", "GUIDED_LOCAL_SEARCH"
# Our construction comes first: a single worker must be the robust one (on large days with
# lunch breaks OR-Tools' insertion heuristic can spend the whole budget and place nothing).
MANDATORY_PORTFOLIO = (
    WorkerConfig(_PCI, _GLS, TWEAKS, construct=True),
    WorkerConfig(_PCI, _GLS, TWEAKS),
)
PRIZE_PORTFOLIO = (
    WorkerConfig(_PCI, _GLS, TWEAKS, ruin_share=0.7, construct=True),
    WorkerConfig(_PCI, _GLS, TWEAKS, ruin_share=0.7),
)
# How long past the deadline the other workers' answers are still awaited; a worker stuck
# in OR-Tools (which checks its clock rarely on large models) is then dropped.
GRACE = 1.0
# Time kept back for building models and reading results, so a run ends near its budget.
OVERHEAD_SECONDS = 0.15


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """When to stop, and how many searches to run side by side.

    ``seconds`` bounds wall time. ``iterations`` bounds the solutions each search accepts;
    give it (with ``seconds=None``) for a reproducible run. ``on_improvement(objective,
    elapsed)`` is called from the first worker when it finds a better solution (objective
    includes the internal penalty for any still-missing mandatory stop).
    """

    seconds: float | None = 10.0
    iterations: int | None = None
    workers: int = 2
    on_improvement: Callable[[int, float], None] | None = None

    def __post_init__(self) -> None:
        if self.seconds is None and self.iterations is None:
            raise ValueError("give a time limit, an iteration limit, or both")
        if self.workers < 1:
            raise ValueError("at least one worker")


def solve_routing(
    problem: RoutingProblem,
    limits: SearchLimits,
    seed: int = 0,
    initial: Sequence[Sequence[int]] | RoutingSolution | None = None,
) -> RoutingSolution:
    """Best routes found within ``limits``.

    ``initial`` (stop indices per vehicle, or an earlier solution) overrides
    ``problem.hint`` as the starting point; infeasible parts of it are repaired.
    """
    began = time.monotonic()
    start = _start_routes(problem, initial)
    seconds = None if limits.seconds is None else max(limits.seconds - OVERHEAD_SECONDS, 0.05)
    portfolio = (
        MANDATORY_PORTFOLIO if all(stop.mandatory for stop in problem.stops) else PRIZE_PORTFOLIO
    )
    plans = [portfolio[(seed + k) % len(portfolio)] for k in range(limits.workers)]
    seconds_left = None if seconds is None else max(seconds - (time.monotonic() - began), 0.05)
    results = _run_portfolio(problem, plans, start, seconds_left, limits, seed)
    best = min(enumerate(results), key=lambda kr: (kr[1].status != "feasible", _score(kr)))[1]
    elapsed = time.monotonic() - began
    return RoutingSolution(
        routes=best.routes,
        dropped=best.dropped,
        objective=best.objective,
        total_distance=best.total_distance,
        prize_collected=best.prize_collected,
        status=best.status,
        iterations=sum(r.iterations for r in results),
        elapsed_seconds=elapsed,
        break_starts=best.break_starts,
    )


def _score(indexed: tuple[int, RoutingSolution]) -> tuple[int, int, int]:
    k, solution = indexed
    return (len(solution.dropped) if solution.status != "feasible" else 0, solution.objective, k)


def _start_routes(
    problem: RoutingProblem, initial: Sequence[Sequence[int]] | RoutingSolution | None
) -> list[list[int]] | None:
    if isinstance(initial, RoutingSolution):
        return [list(r) for r in initial.stop_routes]
    if initial is not None:
        return [list(r) for r in initial]
    if problem.hint is not None:
        return [list(r) for r in problem.hint]
    return None


def _run_portfolio(
    problem: RoutingProblem,
    plans: list[WorkerConfig],
    start: list[list[int]] | None,
    seconds: float | None,
    limits: SearchLimits,
    seed: int,
) -> list[RoutingSolution]:
    """Worker 0 runs here (it can report progress); the others in separate processes."""
    deadline = time.monotonic() + (seconds or 0.0)
    # forkserver, not fork: the web worker calls this from a thread, and forking a
    # multithreaded process can copy a lock some other thread holds and hang the child.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["solver.routing.worker"])
    children: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    for k, config in enumerate(plans[1:], 1):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_child,
            args=(send, problem, config, seconds, limits.iterations, start, seed + k),
        )
        process.start()
        send.close()
        children.append((process, receive))
    results = [
        run_worker(
            problem,
            plans[0],
            seconds,
            limits.iterations,
            start,
            limits.on_improvement,
            seed,
        )
    ]
    for child, receive in children:
        # A crashed or hung child must not take the answer down with it.
        wait = None if seconds is None else max(deadline - time.monotonic(), 0.0) + GRACE
        if receive.poll(wait):
            with contextlib.suppress(EOFError):
                results.append(receive.recv())
        child.join(timeout=1.0)
        if child.is_alive():
            child.kill()
    return results


def _child(
    send: Connection,
    problem: RoutingProblem,
    config: WorkerConfig,
    seconds: float | None,
    iterations: int | None,
    routes: list[list[int]] | None,
    seed: int,
) -> None:
    send.send(run_worker(problem, config, seconds, iterations, routes, None, seed))
    send.close()
