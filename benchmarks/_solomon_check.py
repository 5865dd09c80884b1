"""An independent check of Solomon VRPTW/TOPTW answers, from the raw file only.

It recomputes every distance and time from the coordinates (DIMACS: Euclidean truncated to
one decimal, travel time = distance) and shares no code with the solver beyond reading the
file, so our engine and the peers are judged by the same, separate referee.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from solver.formats.solomon import SolomonInstance


@dataclass(frozen=True, slots=True)
class Checked:
    distance: float
    score: int
    vehicles: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _tenths(instance: SolomonInstance, a: int, b: int) -> int:
    ca, cb = instance.customers[a], instance.customers[b]
    return math.floor(10 * math.hypot(ca.x - cb.x, ca.y - cb.y) + 1e-9)


def check(
    instance: SolomonInstance,
    routes: list[list[int]],
    complete: bool,
    max_routes: int,
    capacity: bool,
) -> Checked:
    """``complete``: every customer must be served (VRPTW); else it is orienteering."""
    problems: list[str] = []
    used = [r for r in routes if r]
    if len(used) > max_routes:
        problems.append(f"{len(used)} routes, fleet is {max_routes}")
    served = [c for r in used for c in r]
    if len(served) != len(set(served)):
        problems.append("a customer is served twice")
    ids = {c.id for c in instance.customers[1:]}
    if not set(served) <= ids:
        problems.append("unknown customer id")
    if complete and set(served) != ids:
        problems.append(f"{len(ids - set(served))} customers not served")
    total = 0
    horizon = instance.depot.due * 10
    for route in used:
        time, here, load = instance.depot.ready * 10, 0, 0
        for c in route:
            if c not in ids:
                continue
            customer = instance.customers[c]
            leg = _tenths(instance, here, c)
            total += leg
            time = max(time + leg, customer.ready * 10)
            if time > customer.due * 10:
                problems.append(f"customer {c} served late")
            time += customer.service * 10
            load += customer.demand
            here = c
        back = _tenths(instance, here, 0)
        total += back
        if time + back > horizon:
            problems.append("route returns after the depot closes")
        if capacity and load > instance.capacity:
            problems.append("route over capacity")
    score = sum(instance.customers[c].demand for c in set(served) if c in ids)
    return Checked(total / 10, score, len(used), tuple(problems))
