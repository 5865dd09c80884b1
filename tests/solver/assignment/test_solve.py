from __future__ import annotations

import json
from pathlib import Path

import pytest

from solver.__main__ import main
from solver.assignment.orlib import read_orlib
from solver.assignment.problem import GapProblem
from solver.assignment.result import SearchLimits
from solver.assignment.solve import solve_gap
from tests.solver.assignment.gap_cases import brute_force, random_gap

TINY = Path(__file__).resolve().parents[1] / "data" / "gap_tiny.txt"
LIMITS = SearchLimits(seconds=3.0)


@pytest.mark.parametrize("maximize", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_proves_the_brute_force_optimum(seed: int, maximize: bool) -> None:
    problem = random_gap(seed, maximize=maximize)
    result = solve_gap(problem, LIMITS)
    best = brute_force(problem)
    if best is None:
        assert result.infeasible and result.objective is None
        return
    assert result.optimal
    assert result.objective == best == result.bound
    assert problem.is_feasible(result.assignment)
    assert problem.objective(result.assignment) == best


def test_tiny_file_both_readings() -> None:
    for maximize in (False, True):
        problem = read_orlib(TINY, maximize=maximize)
        result = solve_gap(problem, LIMITS)
        assert result.optimal and result.objective == brute_force(problem)


def test_a_job_that_fits_nowhere_is_reported_infeasible() -> None:
    problem = GapProblem(((1, 1),), ((1, 9),), (5,))
    result = solve_gap(problem, LIMITS)
    assert result.infeasible and result.objective is None and result.assignment == ()


def test_gap_command_prints_the_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gap", str(TINY), "--maximize", "--seconds", "2", "--seed", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    problem = read_orlib(TINY, maximize=True)
    assert out["optimal"] is True
    assert out["objective"] == brute_force(problem) == problem.objective(out["assignment"])
    assert all(0 <= a < problem.num_agents for a in out["assignment"])


@pytest.mark.parametrize("maximize", [False, True])
def test_large_problems_run_cp_sat_beside_the_lns(maximize: bool) -> None:
    # 120 jobs takes the LNS path; the answer must be feasible and on the right side of its
    # bound, whichever reading.
    problem = random_gap(7, agents=8, jobs=120, maximize=maximize)
    result = solve_gap(problem, SearchLimits(seconds=3.0))
    assert result.objective is not None and problem.is_feasible(result.assignment)
    assert result.objective == problem.objective(result.assignment)
    if maximize:
        assert result.bound >= result.objective
    else:
        assert result.bound <= result.objective
    assert result.warm_start is None or (
        result.objective >= result.warm_start if maximize else result.objective <= result.warm_start
    )


def test_a_warm_start_at_the_cheapest_conceivable_total_is_proven_at_once() -> None:
    # Every job costs 0 on agent 0 and the capacity is ample: the warm start is optimal
    # and the capped CP-SAT round must not be asked for "cheaper than the minimum".
    jobs = 100
    problem = GapProblem(((0,) * jobs, (5,) * jobs), ((1,) * jobs, (1,) * jobs), (jobs, jobs))
    result = solve_gap(problem, SearchLimits(seconds=5.0))
    assert result.optimal and result.objective == 0 == result.bound
    assert result.seconds < 4.0
