"""Large-neighbourhood search for GAP: free all jobs of a few agents, re-solve them exactly.

A sub-problem over a handful of related agents has a few dozen jobs, which CP-SAT (with its
LP) often solves to optimality in milliseconds; that exact repair finds the multi-job
exchanges (ejection chains) that shift and swap moves miss. It runs beside the full CP-SAT
search and always works on the shared incumbent, so it polishes whatever either side found.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from ortools.sat.python import cp_model

from solver.assignment.incumbent import Incumbent
from solver.assignment.local_search import IntMatrix, IntVector

# Sub-problems aim at about this many jobs: larger ones rarely finish in the time given.
JOBS_PER_NEIGHBOURHOOD = 40
# Work limit of one repair in deterministic time (load-independent, about idle seconds).
REPAIR_WORK = 0.3


def _repair(
    costs: IntMatrix,
    weights: IntMatrix,
    capacities: IntVector,
    agents: list[int],
    jobs: list[int],
    current: IntVector,
    seconds: float,
) -> dict[int, int] | None:
    """Best placement of ``jobs`` on the (emptied) ``agents`` found in time, or None."""
    model = cp_model.CpModel()
    x = {
        (a, j): model.new_bool_var("")
        for a in agents
        for j in jobs
        if weights[a, j] <= capacities[a]
    }
    for j in jobs:
        model.add_exactly_one(x[a, j] for a in agents if (a, j) in x)
    for a in agents:
        used = [(int(weights[a, j]), x[a, j]) for j in jobs if (a, j) in x]
        model.add(
            cp_model.LinearExpr.weighted_sum([v for _, v in used], [w for w, _ in used])
            <= int(capacities[a])
        )
    terms = list(x.items())
    model.minimize(
        cp_model.LinearExpr.weighted_sum(
            [v for _, v in terms], [int(costs[a, j]) for (a, j), _ in terms]
        )
    )
    for (a, j), v in terms:
        model.add_hint(v, int(current[j]) == a)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.linearization_level = 2
    solver.parameters.max_deterministic_time = REPAIR_WORK
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {j: a for (a, j), v in terms if solver.value(v)}


def related_agents(
    costs: IntMatrix, assignment: IntVector, seed_agent: int, size: int, rng: np.random.Generator
) -> list[int]:
    """The seed agent plus agents on which its jobs cost least extra (noisy, so it varies).

    Agents that could take each other's jobs cheaply are the ones worth re-solving together.
    """
    own = assignment == seed_agent
    if not own.any():
        others = rng.permutation(costs.shape[0])
    else:
        extra = (costs[:, own] - costs[seed_agent, own]).min(axis=1).astype(float)
        spread = max(1.0, float(np.abs(extra).mean()))
        extra += rng.exponential(spread, size=extra.shape)
        others = np.argsort(extra)
    chosen = [seed_agent] + [int(a) for a in others if a != seed_agent]
    return chosen[:size]


def agent_lns(
    costs: IntMatrix,
    weights: IntMatrix,
    capacities: IntVector,
    incumbent: Incumbent,
    deadline: float,
    seed: int = 0,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Improve ``incumbent`` until the monotonic ``deadline`` or ``should_stop()``.

    Returns the number of neighbourhoods tried.
    """
    rng = np.random.default_rng(seed)
    m, n = costs.shape
    jobs_idx = np.arange(n)
    max_size = max(2, min(m, (JOBS_PER_NEIGHBOURHOOD * m) // max(n, 1)))
    rounds = 0
    while (left := deadline - time.monotonic()) > 0.01 and not should_stop():
        best, best_cost = incumbent.get()
        if best is None or best_cost is None:
            time.sleep(min(0.05, left))  # nothing to improve yet: wait for a first solution
            continue
        rounds += 1
        size = int(rng.integers(2, max_size + 1))
        agents = related_agents(costs, best, int(rng.integers(m)), size, rng)
        jobs = [int(j) for j in jobs_idx[np.isin(best, agents)]]
        # Every job of the chosen agents is freed, so they start empty: full capacity.
        placed = _repair(costs, weights, capacities, agents, jobs, best, left)
        if placed:
            trial = best.copy()
            for j, a in placed.items():
                trial[j] = a
            incumbent.offer(trial)
    return rounds
