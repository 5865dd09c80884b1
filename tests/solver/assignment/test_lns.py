from __future__ import annotations

import time

import numpy as np
import pytest

from solver.assignment.incumbent import Incumbent
from solver.assignment.lns import agent_lns, related_agents
from solver.assignment.local_search import improve, regret_greedy
from tests.solver.assignment.gap_cases import random_gap


@pytest.mark.parametrize("seed", range(4))
def test_agent_lns_never_worsens_and_stays_feasible(seed: int) -> None:
    problem = random_gap(seed, agents=5, jobs=20)
    costs = np.array(problem.costs, dtype=np.int64)
    weights = np.array(problem.weights, dtype=np.int64)
    caps = np.array(problem.capacities, dtype=np.int64)
    start = improve(costs, weights, caps, regret_greedy(costs, weights, caps), 0.05, seed)
    assert start is not None
    incumbent = Incumbent(costs)
    incumbent.offer(start)
    rounds = agent_lns(costs, weights, caps, incumbent, time.monotonic() + 0.5, seed)
    best, cost = incumbent.get()
    assert rounds > 0 and best is not None
    assert problem.is_feasible(best.tolist())
    assert cost == problem.objective(best.tolist()) <= problem.objective(start.tolist())


def test_incumbent_keeps_only_strict_improvements() -> None:
    incumbent = Incumbent(np.array([[1, 5], [2, 1]], dtype=np.int64))
    assert incumbent.offer(np.array([0, 0]))  # 1 + 5
    assert not incumbent.offer(np.array([0, 0]))
    assert incumbent.offer(np.array([0, 1]))  # 1 + 1
    best, cost = incumbent.get()
    assert best is not None and best.tolist() == [0, 1] and cost == 2


def test_related_agents_start_from_the_seed_and_are_distinct() -> None:
    problem = random_gap(3, agents=6, jobs=18)
    costs = np.array(problem.costs, dtype=np.int64)
    assignment = np.arange(18) % 6
    chosen = related_agents(costs, assignment, 2, 4, np.random.default_rng(0))
    assert chosen[0] == 2 and len(set(chosen)) == 4
