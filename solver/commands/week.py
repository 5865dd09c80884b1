"""Plan a county's week: python -m solver week INSTANCE.json [--seconds S] [--seed N] [-o PLAN.json]

Prints the plan as JSON (to -o or standard output) and a one-line summary to standard error;
the plan is checked independently and the command fails if the checker finds a violation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from solver.routing import SearchLimits
from solver.week.check import check_plan
from solver.week.io import dump_plan, load_week
from solver.week.solve import solve_week


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("instance", type=Path, help="week instance (docs/schemas/week-instance)")
    parser.add_argument("--seconds", type=float, default=None, help="time limit (default 10)")
    parser.add_argument(
        "--iterations",
        type=int,
        default=None,
        help="solutions each search accepts; alone, makes the run reproducible",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="searches run side by side")
    parser.add_argument("--decomposition", choices=("auto", "week", "day"), default="auto")
    parser.add_argument("-o", "--output", type=Path, default=None, help="write the plan here")


def run(args: argparse.Namespace) -> int:
    week = load_week(args.instance)
    seconds = args.seconds if args.seconds is not None or args.iterations else 10.0
    limits = SearchLimits(seconds=seconds, iterations=args.iterations, workers=args.workers)
    plan = solve_week(week, limits, seed=args.seed, decomposition=args.decomposition)
    text = dump_plan(plan)
    if args.output is None:
        print(text)
    else:
        args.output.write_text(text + "\n", encoding="utf-8")
    k = plan.kpis
    print(
        f"{plan.status}: {k.sessions_placed}/{k.sessions_requested} sessions, weighted "
        f"{k.weighted_coverage:.1f} of bound {k.bound:.1f} ({k.coverage_to_bound:.1%}), "
        f"travel {k.travel_total} min, {len(plan.unplaced)} needs short, "
        f"{plan.elapsed_seconds:.1f} s",
        file=sys.stderr,
    )
    violations = check_plan(week, plan)
    for v in violations:
        print(f"VIOLATION {v.kind} {v.where}: {v.message}", file=sys.stderr)
    return 1 if violations else 0
