"""Reading one GAP in OR-Library layout: ``m n``; m rows of n costs; m rows of n uses; m caps."""

from __future__ import annotations

from pathlib import Path

from solver.assignment.problem import GapProblem


def parse_orlib(text: str, *, maximize: bool = False, name: str = "") -> GapProblem:
    """Parse the whitespace-separated integers of one problem (line breaks carry no meaning)."""
    numbers = [int(token) for token in text.split()]
    if len(numbers) < 2:
        raise ValueError("a GAP file starts with the number of agents and jobs")
    m, n = numbers[0], numbers[1]
    expected = 2 + 2 * m * n + m
    if len(numbers) < expected:
        raise ValueError(
            f"expected {expected} integers for {m} agents × {n} jobs, got {len(numbers)}"
        )

    def rows(start: int) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(numbers[start + i * n : start + (i + 1) * n]) for i in range(m))

    costs = rows(2)
    weights = rows(2 + m * n)
    capacities = tuple(numbers[2 + 2 * m * n : expected])
    return GapProblem(costs, weights, capacities, maximize=maximize, name=name)


def read_orlib(path: str | Path, *, maximize: bool = False) -> GapProblem:
    """Read one problem file; its file name becomes the problem name."""
    path = Path(path)
    return parse_orlib(path.read_text(), maximize=maximize, name=path.name)
