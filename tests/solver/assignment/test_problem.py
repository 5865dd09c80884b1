from __future__ import annotations

import pytest

from solver.assignment.problem import GapProblem

PROBLEM = GapProblem(((1, 2), (3, 4)), ((5, 6), (7, 8)), (6, 20))


def test_objective_and_loads() -> None:
    assert PROBLEM.objective([0, 1]) == 1 + 4
    assert PROBLEM.loads([0, 1]) == [5, 8]


def test_feasibility_checks_capacity_length_and_agent_range() -> None:
    assert PROBLEM.is_feasible([0, 1])
    assert not PROBLEM.is_feasible([0, 0])  # 5 + 6 > 6
    assert not PROBLEM.is_feasible([0])
    assert not PROBLEM.is_feasible([0, 2])


def test_ragged_rows_are_refused() -> None:
    with pytest.raises(ValueError):
        GapProblem(((1, 2), (3,)), ((1, 1), (1, 1)), (1, 1))
