"""PyVRP and VROOM on Solomon files, set up on the same integer data as our engine.

Both get the DIMACS distances scaled by ten (exact integers), service and windows scaled
the same way, and the same fleet and budget. Benchmark-only: solver/ never imports these.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

import numpy as np
import pyvrp
import vroom
from pyvrp.stop import MaxRuntime

from solver.formats.solomon import SCALE, SolomonInstance, prize_unit, scaled_distances

NAMED = "C101,C201,R101,R112,R201,RC101,RC105,RC208"
DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks"
ENGINES = ("ours", "pyvrp", "vroom")


def add_common_arguments(parser: argparse.ArgumentParser, seconds: float) -> None:
    """The options every Solomon benchmark takes, so both scripts read the same way."""
    parser.add_argument("--instances", default=NAMED, help="comma-separated names")
    parser.add_argument("--seconds", type=float, default=seconds)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmarks folder")


def pyvrp_solve(
    instance: SolomonInstance, seconds: float, seed: int, tours: int | None = None
) -> list[list[int]]:
    """VRPTW when ``tours`` is None; else TOPTW with prizes = demand × a dominating unit."""
    matrix = scaled_distances(instance)
    model = pyvrp.Model()
    locations = [model.add_location(x=c.x, y=c.y) for c in instance.customers]
    depot = instance.depot
    model.add_depot(locations[0], tw_early=depot.ready * SCALE, tw_late=depot.due * SCALE)
    unit = prize_unit(instance, tours) if tours is not None else 0
    for customer, location in zip(instance.customers[1:], locations[1:], strict=True):
        model.add_client(
            location,
            delivery=[customer.demand if tours is None else 0],
            service_duration=customer.service * SCALE,
            tw_early=customer.ready * SCALE,
            tw_late=customer.due * SCALE,
            prize=customer.demand * unit,
            required=tours is None,
        )
    model.add_vehicle_type(
        num_available=instance.vehicles if tours is None else tours,
        capacity=[instance.capacity if tours is None else 0],
        tw_early=depot.ready * SCALE,
        tw_late=depot.due * SCALE,
    )
    for a, frm in enumerate(locations):
        for b, to in enumerate(locations):
            if a != b:
                model.add_edge(frm, to, distance=int(matrix[a, b]), duration=int(matrix[a, b]))
    result = model.solve(stop=MaxRuntime(seconds), seed=seed, display=False)
    # Activity idx counts clients from 0 in the order added; customer ids start at 1.
    return [[int(a.idx) + 1 for a in route if a.is_client()] for route in result.best.routes()]


def vroom_solve(
    instance: SolomonInstance, seconds: float, tours: int | None = None
) -> list[list[int]]:
    """VRPTW when ``tours`` is None; else TOPTW: optional jobs, priority = demand (≤ 100)."""
    problem = vroom.Input()
    problem.set_durations_matrix("car", np.asarray(scaled_distances(instance), dtype=np.int64))
    depot = instance.depot
    window = vroom.TimeWindow(depot.ready * SCALE, depot.due * SCALE)
    fleet = instance.vehicles if tours is None else tours
    for k in range(fleet):
        capacity = [instance.capacity] if tours is None else []
        problem.add_vehicle(vroom.Vehicle(k, start=0, end=0, capacity=capacity, time_window=window))
    jobs = [
        vroom.Job(
            c.id,
            location=c.id,
            default_service=c.service * SCALE,
            delivery=[c.demand] if tours is None else [],
            time_windows=[vroom.TimeWindow(c.ready * SCALE, c.due * SCALE)],
            priority=min(c.demand, 100) if tours is not None else 0,
        )
        for c in instance.customers[1:]
    ]
    problem.add_job(jobs)
    solution = problem.solve(
        exploration_level=5, nb_threads=2, timeout=timedelta(seconds=seconds)
    ).to_dict()
    return [
        [int(step["id"]) for step in route["steps"] if step["type"] == "job"]
        for route in solution["routes"]
    ]
