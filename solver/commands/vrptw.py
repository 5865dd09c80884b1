"""Solve a Solomon VRPTW file: every customer served, at most the file's fleet.

Prints JSON ``{"routes": [[customer ids], ...], "distance": D, "vehicles": K, ...}``; the
distance uses the DIMACS convention (Euclidean truncated to one decimal).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from solver.formats.solomon import SCALE, SolomonInstance, read_solomon, vrptw_problem
from solver.routing import SearchLimits, solve_routing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="Solomon-format instance (e.g. C101.txt)")
    parser.add_argument("--seconds", type=float, default=10.0, help="time budget")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="parallel searches")


def solve_vrptw(
    instance: SolomonInstance, seconds: float, seed: int = 0, workers: int = 2
) -> dict[str, Any]:
    """The command's answer as a dict; benchmarks call this so they measure the command."""
    problem = vrptw_problem(instance)
    solution = solve_routing(problem, SearchLimits(seconds=seconds, workers=workers), seed=seed)
    routes = [[int(problem.stops[v.stop].id) for v in route] for route in solution.routes]
    routes = [r for r in routes if r]
    return {
        "routes": routes,
        "distance": solution.total_distance / SCALE,
        "vehicles": len(routes),
        "status": solution.status,
        "seconds": round(solution.elapsed_seconds, 3),
    }


def run(args: argparse.Namespace) -> int:
    answer = solve_vrptw(read_solomon(args.file), args.seconds, args.seed, args.workers)
    print(json.dumps(answer))
    return 0 if answer["status"] == "feasible" else 1
