"""Solomon VRPTW: our engine (the `vrptw` command's code path), PyVRP and VROOM side by side.

    .venv/bin/python benchmarks/vrptw.py --instances C101,R101 --seconds 30
    .venv/bin/python benchmarks/vrptw.py --all --seconds 5

Every answer is checked by an independent referee (all customers, windows, capacity, fleet
size from the file); an answer that fails shows as ``x`` and counts as not feasible. The gap
is to the best-known distance in ``solomon/bks.csv``.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

from _solomon_check import Checked, check
from _solomon_peers import add_common_arguments, pyvrp_solve, vroom_solve

from solver.commands.vrptw import solve_vrptw
from solver.formats.solomon import SolomonInstance, read_solomon


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser, seconds=30.0)
    parser.add_argument("--all", action="store_true", help="all 56 files in solomon/")
    args = parser.parse_args()
    folder = args.data.resolve() / "solomon"
    bks = _best_known(folder / "bks.csv")
    names = sorted(bks) if args.all else args.instances.split(",")
    engines = args.engines.split(",")
    print(f"VRPTW, {args.seconds:g} s per instance, seed {args.seed}; gap to best-known, %")
    print(f"{'instance':9} {'BKS':>8} " + " ".join(f"{e:>17}" for e in engines))
    gaps: dict[str, list[float]] = {e: [] for e in engines}
    feasible = dict.fromkeys(engines, 0)
    for name in names:
        instance = read_solomon(folder / f"{name}.txt")
        cells = []
        for engine in engines:
            began = time.monotonic()
            routes = _solve(engine, instance, args.seconds, args.seed)
            took = time.monotonic() - began
            checked = check(instance, routes, True, instance.vehicles, capacity=True)
            if checked.ok:
                feasible[engine] += 1
                gap = 100 * (checked.distance - bks[name]) / bks[name]
                gaps[engine].append(gap)
                cells.append(f"{checked.distance:8.1f} {gap:5.2f} {took:3.0f}s")
            else:
                cells.append(f"{'x':>8} {'':5} {took:3.0f}s")
            _explain(name, engine, checked)
        print(f"{name:9} {bks[name]:8.1f} " + " ".join(f"{c:>17}" for c in cells), flush=True)
    print(f"{'mean gap':18} " + " ".join(f"{_mean(gaps[e]):>17}" for e in engines))
    print(f"{'feasible':18} " + " ".join(f"{feasible[e]:>14}/{len(names):<2}" for e in engines))


def _solve(engine: str, instance: SolomonInstance, seconds: float, seed: int) -> list[list[int]]:
    if engine == "ours":
        routes: list[list[int]] = solve_vrptw(instance, seconds, seed)["routes"]
        return routes
    if engine == "pyvrp":
        return pyvrp_solve(instance, seconds, seed)
    return vroom_solve(instance, seconds)


def _explain(name: str, engine: str, checked: Checked) -> None:
    if not checked.ok:
        print(f"  {name} {engine}: {'; '.join(sorted(set(checked.problems)))}")


def _mean(values: list[float]) -> str:
    return f"{statistics.mean(values):.2f} ({len(values)})" if values else "-"


def _best_known(path: Path) -> dict[str, float]:
    with path.open() as f:
        return {row["instance"]: float(row["best_known_distance"]) for row in csv.DictReader(f)}


if __name__ == "__main__":
    main()
