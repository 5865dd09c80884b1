"""TOPTW on Solomon files: our engine (the `toptw` command's code path), PyVRP and VROOM.

    .venv/bin/python benchmarks/toptw.py --tours 1,2,3,4 --seconds 10

Every customer optional and worth its demand, M tours inside the depot's horizon, capacity
ignored. PyVRP gets prizes = demand × a unit larger than any total distance, so it maximises
score first as we do; VROOM gets optional jobs with priority = demand (it maximises total
priority first). Every answer is checked independently; the ratio is score ÷ PyVRP's score.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _solomon_check import check
from _solomon_peers import add_common_arguments, pyvrp_solve, vroom_solve

from solver.commands.toptw import solve_toptw
from solver.formats.solomon import SolomonInstance, read_solomon


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser, seconds=10.0)
    parser.add_argument("--tours", default="1,2,3,4", help="values of M")
    args = parser.parse_args()
    folder = args.data.resolve() / "solomon"
    engines = args.engines.split(",")
    print(f"TOPTW, {args.seconds:g} s per run, seed {args.seed}; score (ratio to PyVRP)")
    print(f"{'instance':9} {'M':>2} " + " ".join(f"{e:>18}" for e in engines))
    ratios: dict[str, list[float]] = {e: [] for e in engines}
    at_least = dict.fromkeys(engines, 0)
    runs = 0
    for name in args.instances.split(","):
        instance = read_solomon(folder / f"{name}.txt")
        for tours in (int(m) for m in args.tours.split(",")):
            runs += 1
            scores: dict[str, int | None] = {}
            took: dict[str, float] = {}
            for engine in engines:
                began = time.monotonic()
                routes = _solve(engine, instance, tours, args.seconds, args.seed)
                took[engine] = time.monotonic() - began
                checked = check(instance, routes, False, tours, capacity=False)
                scores[engine] = checked.score if checked.ok else None
                if not checked.ok:
                    print(f"  {name} M={tours} {engine}: {'; '.join(set(checked.problems))}")
            reference = scores.get("pyvrp")
            cells = []
            for engine in engines:
                score = scores[engine]
                if score is None:
                    cells.append(f"{'x':>18}")
                    continue
                ratio = score / reference if reference else float("nan")
                if reference:
                    ratios[engine].append(ratio)
                    at_least[engine] += score >= reference
                cells.append(f"{score:6d} ({ratio:5.3f}) {took[engine]:3.0f}s")
            print(f"{name:9} {tours:2d} " + " ".join(f"{c:>18}" for c in cells), flush=True)
    print(f"{'mean ratio':12} " + " ".join(f"{_mean(ratios[e]):>18}" for e in engines))
    print(f"{'>= PyVRP':12} " + " ".join(f"{at_least[e]:>15}/{runs:<2}" for e in engines))


def _solve(
    engine: str, instance: SolomonInstance, tours: int, seconds: float, seed: int
) -> list[list[int]]:
    if engine == "ours":
        routes: list[list[int]] = solve_toptw(instance, tours, seconds, seed)["routes"]
        return routes
    if engine == "pyvrp":
        return pyvrp_solve(instance, seconds, seed, tours=tours)
    return vroom_solve(instance, seconds, tours=tours)


def _mean(values: list[float]) -> str:
    return f"{statistics.mean(values):.4f}" if values else "-"


if __name__ == "__main__":
    main()
