"""Solomon's VRPTW text format, and its two readings as routing problems.

Distances follow the DIMACS 2021 convention the best-known values use: Euclidean distance
truncated to one decimal. Every quantity is scaled by ten so that convention is exact in
integers (``floor(10 * d)``); divide costs by ten to compare with published values.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from solver.routing.problem import RoutingProblem, Stop, Vehicle

SCALE = 10


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    x: float
    y: float
    demand: int
    ready: int
    due: int
    service: int


@dataclass(frozen=True, slots=True)
class SolomonInstance:
    name: str
    vehicles: int
    capacity: int
    # customers[0] is the depot; its due date is the horizon.
    customers: tuple[Customer, ...]

    @property
    def depot(self) -> Customer:
        return self.customers[0]


def parse_solomon(text: str) -> SolomonInstance:
    lines = [line.split() for line in text.splitlines()]
    rows = [row for row in lines if row]
    name = rows[0][0]
    numeric = [row for row in rows[1:] if _is_numeric(row)]
    vehicles, capacity = (int(v) for v in numeric[0])
    customers = tuple(
        Customer(
            id=int(row[0]),
            x=float(row[1]),
            y=float(row[2]),
            demand=int(float(row[3])),
            ready=int(float(row[4])),
            due=int(float(row[5])),
            service=int(float(row[6])),
        )
        for row in numeric[1:]
    )
    if not customers or customers[0].id != 0:
        raise ValueError("a Solomon file lists the depot as customer 0 first")
    return SolomonInstance(name=name, vehicles=vehicles, capacity=capacity, customers=customers)


def read_solomon(path: Path | str) -> SolomonInstance:
    return parse_solomon(Path(path).read_text())


def _is_numeric(row: list[str]) -> bool:
    try:
        [float(v) for v in row]
    except ValueError:
        return False
    return True


def scaled_distances(instance: SolomonInstance) -> np.ndarray:
    """floor(10 * euclid), the exact integer form of 'truncated to one decimal'."""
    xy = np.array([(c.x, c.y) for c in instance.customers], dtype=np.float64)
    euclid = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
    # A tiny epsilon guards values like 10*5.0 = 49.99999 against floating-point floor errors.
    return np.floor(euclid * SCALE + 1e-9).astype(np.int64)


def vrptw_problem(instance: SolomonInstance) -> RoutingProblem:
    """Every customer mandatory, at most the file's fleet, capacities per file."""
    return _problem(instance, tours=instance.vehicles, mandatory=True)


def toptw_problem(instance: SolomonInstance, tours: int) -> RoutingProblem:
    """Team orienteering: every customer optional, worth its demand; capacity ignored.

    Score must dominate distance, so a prize unit is worth more than the longest possible
    total distance (each tour's travel fits in the horizon).
    """
    return _problem(instance, tours=tours, mandatory=False)


def prize_unit(instance: SolomonInstance, tours: int) -> int:
    return tours * instance.depot.due * SCALE + 1


def _problem(instance: SolomonInstance, tours: int, mandatory: bool) -> RoutingProblem:
    matrix = tuple(tuple(int(v) for v in row) for row in scaled_distances(instance).tolist())
    unit = prize_unit(instance, tours)
    stops = tuple(
        Stop(
            id=str(c.id),
            location=c.id,
            service=c.service * SCALE,
            windows=((c.ready * SCALE, c.due * SCALE),),
            prize=0 if mandatory else c.demand * unit,
            mandatory=mandatory,
            demand=c.demand if mandatory else 0,
        )
        for c in instance.customers[1:]
    )
    horizon = instance.depot.due * SCALE
    vehicles = tuple(
        Vehicle(
            id=str(k),
            start_location=0,
            end_location=0,
            shift_start=instance.depot.ready * SCALE,
            shift_end=horizon,
            capacity=instance.capacity if mandatory else None,
        )
        for k in range(tours)
    )
    return RoutingProblem(stops=stops, vehicles=vehicles, travel=matrix)


def route_distance(instance: SolomonInstance, route: list[int]) -> float:
    """Distance of one route of customer ids (depot excluded), in the file's unit."""
    matrix = scaled_distances(instance)
    path = [0, *route, 0]
    return sum(int(matrix[a, b]) for a, b in itertools.pairwise(path)) / SCALE
