"""Place a term's vice-principals (挂职 / 轮岗) from a JSON instance and print the result.

    python -m solver placement INSTANCE.json [--seconds S] [--seed N] [--withdraw ID]

The instance layout is described in solver/placement/json_io.py (example:
docs/examples/placement_term.json). ``--withdraw ID`` solves, removes that candidate and
re-solves from the first answer, printing the second result with its ``moved_count``.
Every result is re-checked by the independent checker; exit code 1 if it finds a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from solver.assignment.result import SearchLimits
from solver.placement import check_placements, solve_placements, withdraw
from solver.placement.json_io import instance_from_dict, result_to_dict, weights_from_dict


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("instance", type=Path, help="term instance as JSON")
    parser.add_argument("--seconds", type=float, default=10.0, help="time limit per solve")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--withdraw", metavar="ID", help="re-solve without this candidate")


def run(args: argparse.Namespace) -> int:
    data = json.loads(args.instance.read_text(encoding="utf-8"))
    instance = instance_from_dict(data)
    weights = weights_from_dict(data.get("weights"))
    limits = SearchLimits(seconds=args.seconds, seed=args.seed)
    result = solve_placements(instance, weights, limits)
    if args.withdraw:
        instance = withdraw(instance, args.withdraw, result)
        result = solve_placements(instance, weights, limits)
    problems = check_placements(instance, result)
    out = result_to_dict(result)
    out["check"] = problems or "ok"
    print(json.dumps(out, ensure_ascii=False, indent=2))
    for problem in problems:
        print(f"hard rule broken: {problem}", file=sys.stderr)
    return 1 if problems else 0
