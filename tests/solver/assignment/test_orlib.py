from __future__ import annotations

from pathlib import Path

import pytest

from solver.assignment.orlib import parse_orlib, read_orlib

TINY = Path(__file__).resolve().parents[1] / "data" / "gap_tiny.txt"


def test_reads_costs_weights_and_capacities_by_agent() -> None:
    problem = read_orlib(TINY)
    assert (problem.num_agents, problem.num_jobs, problem.name) == (3, 6, "gap_tiny.txt")
    assert problem.costs[1] == (5, 8, 2, 9, 4, 7)
    assert problem.weights[2] == (5, 4, 6, 3, 2, 6)
    assert problem.capacities == (8, 7, 8)
    assert not problem.maximize


def test_line_breaks_do_not_matter_but_missing_numbers_do() -> None:
    assert parse_orlib("1 2\n3\n4 5 6 7").costs == ((3, 4),)
    with pytest.raises(ValueError, match="expected 7 integers"):
        parse_orlib("1 2 3 4 5 6")
