"""Solve one Generalised Assignment Problem in OR-Library layout and print JSON.

    python -m solver gap FILE [--maximize] --seconds S [--seed N]

Prints ``{"objective": N, "assignment": [agent per job, 0-based], "optimal": bool}`` plus the
proven ``bound``; exit code 1 when no feasible assignment was found.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from solver.assignment.orlib import read_orlib
from solver.assignment.result import SearchLimits
from solver.assignment.solve import solve_gap


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="one problem in OR-Library layout")
    parser.add_argument("--maximize", action="store_true", help="costs are profits (gap1–12)")
    parser.add_argument("--seconds", type=float, default=10.0, help="time limit")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT threads")


def run(args: argparse.Namespace) -> int:
    problem = read_orlib(args.file, maximize=args.maximize)
    limits = SearchLimits(seconds=args.seconds, seed=args.seed, workers=args.workers)
    result = solve_gap(problem, limits)
    print(
        json.dumps(
            {
                "objective": result.objective,
                "assignment": list(result.assignment),
                "optimal": result.optimal,
                "bound": result.bound,
            }
        )
    )
    return 0 if result.objective is not None else 1
