"""Solve a GAP: CP-SAT on the full model and an agent LNS, side by side on one incumbent.

CP-SAT (one Boolean per usable pair, full LP linearization) dives with its LP and proves the
bound; beside it, on the other core, ``agent_lns`` re-solves a few related agents at a time
from the best assignment either side has found. A local-search warm start gives the LNS
something to polish before CP-SAT's first solution. It is deliberately *not* passed to
CP-SAT as a hint: on tight types d and e a mediocre hint steers the LP dive into worse
regions (one run on e10100: about 11 700 after 20 s with the hint, 11 600 without).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from ortools.sat.python import cp_model

from solver.assignment.incumbent import Incumbent
from solver.assignment.lns import agent_lns
from solver.assignment.local_search import (
    IntMatrix,
    IntVector,
    improve,
    regret_greedy,
    roomy_greedy,
)
from solver.assignment.model import add_assignment
from solver.assignment.problem import GapProblem
from solver.assignment.result import GapResult, SearchLimits

# Below this many jobs CP-SAT alone proves optimality in well under a second.
LNS_MIN_JOBS = 100
WARM_SECONDS_PER_JOB = 0.005
# Deterministic time (about seconds of one idle core) of the first CP-SAT round under the
# LNS's improving cap; a round that finds nothing doubles it.
FIRST_ROUND_WORK = 2.0


class _Forward(cp_model.CpSolverSolutionCallback):
    """Hands every CP-SAT solution to the shared incumbent as an agent-per-job array."""

    def __init__(
        self,
        incumbent: Incumbent,
        index: IntVector,
        agents: IntVector,
        jobs: IntVector,
        num_jobs: int,
    ) -> None:
        super().__init__()
        self._incumbent, self._index, self._agents, self._jobs = incumbent, index, agents, jobs
        self._num_jobs = num_jobs

    def on_solution_callback(self) -> None:
        values = np.asarray(self.response_proto.solution, dtype=np.int64)[self._index]
        chosen = values == 1
        assignment = np.zeros(self._num_jobs, dtype=np.int64)
        assignment[self._jobs[chosen]] = self._agents[chosen]
        self._incumbent.offer(assignment)


def _fits(assignment: IntVector, weights: IntMatrix, caps: IntVector) -> bool:
    loads = np.bincount(
        assignment, weights=weights[assignment, np.arange(len(assignment))], minlength=len(caps)
    )
    return bool((loads <= caps).all())


def _build_model(
    problem: GapProblem, costs: IntMatrix, weights: IntMatrix, caps: IntVector
) -> tuple[cp_model.CpModel, Any, IntVector, IntVector, IntVector]:
    """The textbook model over usable pairs, with (var index, agent, job) arrays.

    The objective is a variable ``total``; the returned proto domain of ``total`` is what
    the rounds lower to cap the search below the incumbent.
    """
    agents, jobs = np.nonzero(weights <= caps[:, None])
    model = cp_model.CpModel()
    x = add_assignment(
        model,
        zip(agents.tolist(), jobs.tolist(), strict=True),
        problem.num_jobs,
        lambda a, j: int(weights[a, j]),
        problem.capacities,
        every_job=True,
    )
    variables = list(x.values())
    pair_costs = costs[agents, jobs]
    low = int(np.minimum(pair_costs, 0).sum())
    high = int(np.maximum(pair_costs, 0).sum())
    total = model.new_int_var(low, high, "total_cost")
    model.add(total == cp_model.LinearExpr.weighted_sum(variables, pair_costs.tolist()))
    model.minimize(total)
    domain = model.proto.variables[total.index].domain
    index = np.array([v.index for v in variables], dtype=np.int64)
    return model, domain, index, agents.astype(np.int64), jobs.astype(np.int64)


@dataclass
class _Proof:
    """What the CP-SAT rounds established about the optimum (costs to minimise)."""

    bound: float = -math.inf
    proven: bool = False
    infeasible: bool = False


def _cp_sat_rounds(
    model: cp_model.CpModel,
    domain: Any,
    incumbent: Incumbent,
    forward: _Forward,
    limits: SearchLimits,
    deadline: float,
    workers: int,
    first_round: float,
    first_level: int,
) -> _Proof:
    """Restart CP-SAT with the objective capped below the incumbent until time runs out.

    The LNS improves the incumbent behind CP-SAT's back; a restart hands CP-SAT the new
    cap, which its LP uses for reduced-cost fixing and which discards every worse branch.
    A round that finds nothing under the cap proves the incumbent optimal.
    """
    proof = _Proof()
    round_work, round_no = first_round, 0
    while (left := deadline - time.monotonic()) > 0.05:
        _, cap = incumbent.get()
        if cap is not None:
            if cap - 1 < domain[0]:
                # Nothing can be cheaper than the cheapest conceivable total.
                proof.proven, proof.bound = True, float(cap)
                return proof
            domain[1] = cap - 1
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = workers
        params.random_seed = limits.seed + round_no
        # Full linearization (even rounds) gives the tight LP bound and an LP-guided dive;
        # the default level (odd rounds) searches faster on loose types a-c. Alternating
        # hedges between the two.
        params.linearization_level = first_level if round_no % 2 == 0 else 3 - first_level
        # Rounds are measured in deterministic time so a loaded machine does not cut them
        # short; the wall-clock limit still holds overall.
        params.max_deterministic_time = round_work
        params.max_time_in_seconds = left
        status = solver.solve(model, forward)
        round_no += 1
        if status == cp_model.INFEASIBLE:
            proof.proven, proof.infeasible = cap is not None, cap is None
            proof.bound = math.inf if cap is None else float(cap)
            return proof
        if status == cp_model.OPTIMAL:
            proof.proven, proof.bound = True, solver.objective_value
            return proof
        if status == cp_model.MODEL_INVALID:
            raise RuntimeError(f"CP-SAT rejected the GAP model: {solver.solution_info()}")
        found = status == cp_model.FEASIBLE
        reach = solver.best_objective_bound
        proof.bound = max(proof.bound, reach if cap is None else min(float(cap), reach))
        # Rounds that found nothing get longer: the search needs depth, not more restarts.
        if not found:
            round_work *= 2
    return proof


def solve_gap(problem: GapProblem, limits: SearchLimits | None = None) -> GapResult:
    """Best assignment within ``limits``; ``optimal`` only when a proof exists."""
    limits = limits or SearchLimits()
    started = time.monotonic()
    deadline = started + limits.seconds
    sign = -1 if problem.maximize else 1
    costs = sign * np.array(problem.costs, dtype=np.int64)
    weights = np.array(problem.weights, dtype=np.int64)
    caps = np.array(problem.capacities, dtype=np.int64)
    incumbent = Incumbent(costs)

    use_lns = problem.num_jobs >= LNS_MIN_JOBS and limits.workers >= 2
    warm: IntVector | None = None
    if use_lns:
        # Something for the LNS to polish before CP-SAT's first solution arrives. Small
        # problems skip it: CP-SAT alone proves them faster and does not use it.
        warm_seconds = min(
            limits.warm_max_seconds,
            limits.warm_share * limits.seconds,
            WARM_SECONDS_PER_JOB * problem.num_jobs,
        )
        start = regret_greedy(costs, weights, caps)
        if not _fits(start, weights, caps):
            # A feasible if costly fallback first, so the LNS and CP-SAT's cap have one.
            roomy = roomy_greedy(weights, caps)
            if _fits(roomy, weights, caps):
                incumbent.offer(roomy)
        warm = improve(costs, weights, caps, start, warm_seconds, limits.seed)
        if warm is not None:
            incumbent.offer(warm)

    model, domain, index, agents, jobs = _build_model(problem, costs, weights, caps)
    forward = _Forward(incumbent, index, agents, jobs, problem.num_jobs)
    # One thread is the LNS's, CP-SAT gets the rest. Small problems leave the LNS's idle:
    # measured on gap1-12 (c1060_*, c0848_*), one CP-SAT worker at the default level proves
    # them with a third to a half of the CPU of two workers, and sooner on a busy machine.
    # Without the LNS nothing improves the cap, so one round runs to the end.
    workers = max(1, limits.workers - 1)
    first_round = FIRST_ROUND_WORK if use_lns else math.inf
    first_level = 2 if use_lns else 1
    outcome: list[_Proof] = []
    cp_thread = threading.Thread(
        target=lambda: outcome.append(
            _cp_sat_rounds(
                model,
                domain,
                incumbent,
                forward,
                limits,
                deadline,
                workers,
                first_round,
                first_level,
            )
        ),
        name="gap-cp-sat",
    )
    cp_thread.start()
    if use_lns:
        agent_lns(
            costs,
            weights,
            caps,
            incumbent,
            deadline,
            limits.seed,
            should_stop=lambda: not cp_thread.is_alive(),
        )
    cp_thread.join()
    return _result(problem, sign, incumbent, outcome[0] if outcome else _Proof(), warm, started)


def _result(
    problem: GapProblem,
    sign: int,
    incumbent: Incumbent,
    proof: _Proof,
    warm: IntVector | None,
    started: float,
) -> GapResult:
    best, cost = incumbent.get()
    warm_objective = None if warm is None else problem.objective(warm.tolist())
    if best is None or cost is None:
        return GapResult(
            None,
            (),
            False,
            0,
            time.monotonic() - started,
            warm_objective,
            infeasible=proof.infeasible,
        )
    bound = cost if proof.proven else min(cost, math.ceil(proof.bound - 1e-6))
    return GapResult(
        objective=sign * cost,
        assignment=tuple(int(a) for a in best),
        # The LNS may reach CP-SAT's bound before CP-SAT closes the search itself.
        optimal=proof.proven or cost <= bound,
        bound=sign * bound,
        seconds=time.monotonic() - started,
        warm_start=warm_objective,
    )
