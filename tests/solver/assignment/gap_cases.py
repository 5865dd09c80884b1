"""Random small GAPs and an exhaustive solver to judge the real one against."""

from __future__ import annotations

import itertools
import random

from solver.assignment.problem import GapProblem


def random_gap(seed: int, agents: int = 3, jobs: int = 7, *, maximize: bool = False) -> GapProblem:
    """Type-d-like: cost falls as resource use rises, capacities tight (~80 % of a share)."""
    rng = random.Random(seed)
    weights = [[rng.randint(1, 20) for _ in range(jobs)] for _ in range(agents)]
    costs = [[max(1, 25 - w + rng.randint(-4, 4)) for w in row] for row in weights]
    caps = [max(max(row), int(0.8 * sum(row) / agents)) for row in weights]
    return GapProblem(
        tuple(map(tuple, costs)), tuple(map(tuple, weights)), tuple(caps), maximize=maximize
    )


def brute_force(problem: GapProblem) -> int | None:
    """Best objective over all agents^jobs assignments (None if none is feasible)."""
    values = [
        problem.objective(a)
        for a in itertools.product(range(problem.num_agents), repeat=problem.num_jobs)
        if problem.is_feasible(a)
    ]
    if not values:
        return None
    return max(values) if problem.maximize else min(values)
