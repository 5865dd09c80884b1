from __future__ import annotations

import numpy as np
import pytest

from solver.assignment.local_search import improve, regret_greedy
from tests.solver.assignment.gap_cases import brute_force, random_gap


def arrays(seed: int, jobs: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    problem = random_gap(seed, jobs=jobs)
    return (
        np.array(problem.costs, dtype=np.int64),
        np.array(problem.weights, dtype=np.int64),
        np.array(problem.capacities, dtype=np.int64),
    )


@pytest.mark.parametrize("seed", range(8))
def test_improve_returns_a_feasible_assignment_no_worse_than_a_feasible_start(seed: int) -> None:
    problem = random_gap(seed)
    costs, weights, caps = arrays(seed)
    start = regret_greedy(costs, weights, caps)
    best = improve(costs, weights, caps, start, seconds=0.2, seed=seed)
    if brute_force(problem) is None:
        assert best is None
        return
    assert best is not None
    assert problem.is_feasible(best.tolist())
    if problem.is_feasible(start.tolist()):
        assert problem.objective(best.tolist()) <= problem.objective(start.tolist())
