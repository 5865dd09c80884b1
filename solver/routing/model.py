"""The routing problem as an OR-Tools model (pywrapcp), one dimension per resource.

- ``time``: travel + service of the node left; waiting is slack; windows and shifts are
  cumul ranges (several windows = one range with the gaps removed); lunch breaks are
  OR-Tools break intervals, which may not overlap a visit.
- ``travel``: travel only, starts at zero; capped by ``max_travel``; its global span cost is
  the balance term (the longest tour's travel).
- ``work``, ``load``: service time and demand, capped per vehicle.
- ``rank``: one per visit, only to keep pinned stops in their order.
- ``extra``: vehicle-specific costs of a stop, as a span cost per vehicle.

Mandatory stops may still be dropped at a penalty larger than any other objective, so the
first-solution heuristics always finish; the search then repairs, and the caller reports
``infeasible`` if one is still out.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ortools.constraint_solver import pywrapcp

from solver.routing.layout import Layout
from solver.routing.problem import RoutingProblem

# Above this many nodes a node×node matrix (two of them, int64 in C++ plus a Python copy
# while registering) costs more memory than per-call callbacks cost time.
MATRIX_NODE_LIMIT = 2500
INT64_SAFE = 2**62


@dataclass
class BuiltModel:
    layout: Layout
    manager: pywrapcp.RoutingIndexManager
    routing: pywrapcp.RoutingModel
    time: pywrapcp.RoutingDimension
    # Break intervals per vehicle, to read their chosen start times back.
    breaks: list[list[pywrapcp.IntervalVar]]
    drop_penalty: int
    # Keeps callback closures alive as long as the model: OR-Tools holds only pointers.
    keep_alive: list[object]

    def index_of_stop(self, stop: int) -> int:
        return int(self.manager.NodeToIndex(self.layout.stop_node(stop)))


def objective_bound(problem: RoutingProblem, layout: Layout) -> int:
    """An upper bound on every term except the mandatory-drop penalty."""
    longest_leg = int(layout.distance_by_location.max(initial=0))
    legs = (len(problem.stops) + 2 * len(problem.vehicles)) * longest_leg
    prizes = sum(s.prize for s in problem.stops if not s.mandatory)
    groups = sum(g.penalty * g.max_visits for g in problem.groups)
    extras = sum(max((c for _, c in s.vehicle_costs), default=0) for s in problem.stops)
    balance = (
        problem.balance_weight
        * int(layout.travel_by_location.max(initial=0))
        * (len(problem.stops) + 2)
    )
    return legs + prizes + groups + extras + balance + 1


def build_model(problem: RoutingProblem) -> BuiltModel:
    layout = Layout.of(problem)
    n_vehicles = len(problem.vehicles)
    starts = [layout.start_node(v) for v in range(n_vehicles)]
    ends = [layout.end_node(v) for v in range(n_vehicles)]
    manager = pywrapcp.RoutingIndexManager(layout.nodes, n_vehicles, starts, ends)
    routing = pywrapcp.RoutingModel(manager)
    keep: list[object] = []

    bound = objective_bound(problem, layout)
    drop_penalty = bound
    if bound * (len(problem.stops) + 1) >= INT64_SAFE:
        raise ValueError("prizes and distances too large for int64 costs; scale them down")

    register = _matrix_registrar(routing, manager, layout, keep)
    travel_no_service = np.zeros(layout.nodes, dtype=np.int64)
    distance_cb = register(layout.distance_by_location, travel_no_service)
    routing.SetArcCostEvaluatorOfAllVehicles(distance_cb)

    time_dim = _add_time(
        problem, layout, routing, manager, register(layout.travel_by_location, layout.node_service)
    )
    _add_travel(problem, routing, register(layout.travel_by_location, travel_no_service))
    _add_unary(routing, "work", layout.node_service, [v.max_work for v in problem.vehicles])
    if any(v.capacity is not None for v in problem.vehicles):
        _add_unary(routing, "load", layout.node_demand, [v.capacity for v in problem.vehicles])
    _add_vehicle_costs(problem, layout, routing)
    _add_pins(problem, layout, routing, manager)
    _add_disjunctions(problem, layout, routing, manager, drop_penalty)
    breaks = _add_breaks(problem, layout, routing, manager, time_dim)
    return BuiltModel(layout, manager, routing, time_dim, breaks, drop_penalty, keep)


Registrar = Callable[[np.ndarray, np.ndarray], int]


def _matrix_registrar(
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    layout: Layout,
    keep: list[object],
) -> Registrar:
    """Registers ``by_location[loc(a), loc(b)] + per_node[a]`` as a transit callback."""

    def register(by_location: np.ndarray, per_node: np.ndarray) -> int:
        loc = layout.node_location
        if layout.nodes <= MATRIX_NODE_LIMIT:
            matrix = by_location[np.ix_(loc, loc)] + per_node[:, None]
            return int(routing.RegisterTransitMatrix(matrix.tolist()))
        # Large weeks: look up by location so memory stays O(locations²).
        rows = by_location.tolist()
        node_loc = loc.tolist()
        extra = per_node.tolist()
        index_to_node = manager.IndexToNode

        def transit(i: int, j: int) -> int:
            a, b = index_to_node(i), index_to_node(j)
            return int(rows[node_loc[a]][node_loc[b]] + extra[a])

        keep.append(transit)
        return int(routing.RegisterTransitCallback(transit))

    return register


def _add_time(
    problem: RoutingProblem,
    layout: Layout,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    transit: int,
) -> pywrapcp.RoutingDimension:
    horizon = max(v.shift_end for v in problem.vehicles)
    routing.AddDimension(transit, horizon, horizon, False, "time")
    dim = routing.GetDimensionOrDie("time")
    for v, vehicle in enumerate(problem.vehicles):
        dim.CumulVar(routing.Start(v)).SetRange(vehicle.shift_start, vehicle.shift_end)
        dim.CumulVar(routing.End(v)).SetRange(vehicle.shift_start, vehicle.shift_end)
    for i, stop in enumerate(problem.stops):
        cumul = dim.CumulVar(manager.NodeToIndex(layout.stop_node(i)))
        windows = sorted(stop.windows)
        cumul.SetRange(windows[0][0], windows[-1][1])
        for (_, close), (reopen, _) in itertools.pairwise(windows):
            if reopen - close > 1:
                cumul.RemoveInterval(close + 1, reopen - 1)
    return dim


def _add_travel(problem: RoutingProblem, routing: pywrapcp.RoutingModel, transit: int) -> None:
    limits = [v.max_travel for v in problem.vehicles]
    if all(m is None for m in limits) and problem.balance_weight == 0:
        return
    cap = [m if m is not None else INT64_SAFE for m in limits]
    routing.AddDimensionWithVehicleCapacity(transit, 0, cap, True, "travel")
    if problem.balance_weight:
        routing.GetDimensionOrDie("travel").SetGlobalSpanCostCoefficient(problem.balance_weight)


def _add_unary(
    routing: pywrapcp.RoutingModel, name: str, values: np.ndarray, limits: list[int | None]
) -> None:
    if all(m is None for m in limits):
        return
    callback = routing.RegisterUnaryTransitVector(values.tolist())
    cap = [m if m is not None else INT64_SAFE for m in limits]
    routing.AddDimensionWithVehicleCapacity(callback, 0, cap, True, name)


def _add_vehicle_costs(
    problem: RoutingProblem, layout: Layout, routing: pywrapcp.RoutingModel
) -> None:
    """A per-vehicle unary dimension whose span is the sum of that vehicle's extra costs."""
    per_vehicle: dict[int, np.ndarray] = {}
    for i, stop in enumerate(problem.stops):
        for v, cost in stop.vehicle_costs:
            costs = per_vehicle.setdefault(v, np.zeros(layout.nodes, dtype=np.int64))
            costs[layout.stop_node(i)] += cost
    if not per_vehicle:
        return
    zero = routing.RegisterUnaryTransitVector([0] * layout.nodes)
    callbacks = [
        routing.RegisterUnaryTransitVector(per_vehicle[v].tolist()) if v in per_vehicle else zero
        for v in range(len(problem.vehicles))
    ]
    capacity = int(sum(int(c.max()) for c in per_vehicle.values())) * len(problem.stops) + 1
    routing.AddDimensionWithVehicleTransits(callbacks, 0, capacity, True, "extra")
    routing.GetDimensionOrDie("extra").SetSpanCostCoefficientForAllVehicles(1)


def _add_pins(
    problem: RoutingProblem,
    layout: Layout,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
) -> None:
    if not any(v.pinned for v in problem.vehicles):
        return
    ones = [0] * layout.depots + [1] * len(problem.stops)
    routing.AddDimension(routing.RegisterUnaryTransitVector(ones), 0, layout.nodes, True, "rank")
    rank = routing.GetDimensionOrDie("rank")
    solver = routing.solver()
    for v, vehicle in enumerate(problem.vehicles):
        indices = [manager.NodeToIndex(layout.stop_node(s)) for s in vehicle.pinned]
        for index in indices:
            routing.VehicleVar(index).SetValue(v)
        for a, b in itertools.pairwise(indices):
            solver.Add(rank.CumulVar(a) < rank.CumulVar(b))


def _add_disjunctions(
    problem: RoutingProblem,
    layout: Layout,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    drop_penalty: int,
) -> None:
    pinned = {s for v in problem.vehicles for s in v.pinned}
    grouped: set[int] = set()
    for group in problem.groups:
        members = [s for s in group.stops if s not in pinned]
        grouped.update(group.stops)
        if not members:
            continue
        indices = [manager.NodeToIndex(layout.stop_node(s)) for s in members]
        # Pinned members already use part of the group's quota.
        quota = group.max_visits - (len(group.stops) - len(members))
        if quota <= 0:
            for index in indices:
                routing.ActiveVar(index).SetValue(0)
            continue
        routing.AddDisjunction(indices, max(group.penalty, 1), quota, routing.PENALIZE_PER_INACTIVE)
    for i, stop in enumerate(problem.stops):
        if i in grouped or i in pinned:
            continue
        index = manager.NodeToIndex(layout.stop_node(i))
        _allow(routing, index, stop.allowed_vehicles)
        penalty = drop_penalty if stop.mandatory else stop.prize
        routing.AddDisjunction([index], max(penalty, 0))
    for i in grouped - pinned:
        index = manager.NodeToIndex(layout.stop_node(i))
        _allow(routing, index, problem.stops[i].allowed_vehicles)


def _allow(routing: pywrapcp.RoutingModel, index: int, vehicles: frozenset[int] | None) -> None:
    # SetAllowedVehiclesForIndex takes an absl::Span the Python wrapper cannot build, so
    # restrict the vehicle variable instead (-1 = not performed).
    if vehicles is not None:
        routing.VehicleVar(index).SetValues([-1, *sorted(vehicles)])


def _add_breaks(
    problem: RoutingProblem,
    layout: Layout,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    time_dim: pywrapcp.RoutingDimension,
) -> list[list[pywrapcp.IntervalVar]]:
    solver = routing.solver()
    # Indexed by routing *index* (vehicle ends included), not by node: OR-Tools reads it
    # with the index of the node a transit leaves; a node-indexed list reads past its end.
    service = layout.node_service
    visit_transits = [
        int(service[manager.IndexToNode(index)])
        for index in range(routing.Size() + routing.vehicles())
    ]
    all_breaks: list[list[pywrapcp.IntervalVar]] = []
    for v, vehicle in enumerate(problem.vehicles):
        intervals = [
            solver.FixedDurationIntervalVar(b.earliest, b.latest, b.duration, False, f"b{v}_{k}")
            for k, b in enumerate(vehicle.breaks)
        ]
        if intervals:
            time_dim.SetBreakIntervalsOfVehicle(intervals, v, visit_transits)
        all_breaks.append(intervals)
    return all_breaks
