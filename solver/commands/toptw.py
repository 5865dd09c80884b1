"""Team orienteering with time windows on a Solomon file: M tours collect the most demand.

Every customer is optional and worth its demand; capacity is ignored; tours leave and
return to the depot inside its horizon. Prints JSON ``{"routes": [...], "score": N,
"distance": D}``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from solver.formats.solomon import SCALE, SolomonInstance, read_solomon, toptw_problem
from solver.routing import SearchLimits, solve_routing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="Solomon-format instance (e.g. C101.txt)")
    parser.add_argument("--tours", type=int, required=True, help="number of tours M")
    parser.add_argument("--seconds", type=float, default=10.0, help="time budget")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="parallel searches")


def solve_toptw(
    instance: SolomonInstance, tours: int, seconds: float, seed: int = 0, workers: int = 2
) -> dict[str, Any]:
    """The command's answer as a dict; benchmarks call this so they measure the command."""
    problem = toptw_problem(instance, tours)
    solution = solve_routing(problem, SearchLimits(seconds=seconds, workers=workers), seed=seed)
    routes = [[int(problem.stops[v.stop].id) for v in route] for route in solution.routes]
    demand = {c.id: c.demand for c in instance.customers}
    return {
        "routes": routes,
        "score": sum(demand[c] for r in routes for c in r),
        "distance": solution.total_distance / SCALE,
        "status": solution.status,
        "seconds": round(solution.elapsed_seconds, 3),
    }


def run(args: argparse.Namespace) -> int:
    answer = solve_toptw(read_solomon(args.file), args.tours, args.seconds, args.seed, args.workers)
    print(json.dumps(answer))
    return 0
