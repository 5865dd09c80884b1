"""Reading routes, times and breaks back out of an OR-Tools assignment."""

from __future__ import annotations

from ortools.constraint_solver import pywrapcp

from solver.routing.model import BuiltModel
from solver.routing.result import Visit


def routes_of(model: BuiltModel, assignment: pywrapcp.Assignment) -> list[list[int]]:
    """Stop indices per vehicle, depots excluded."""
    routing, layout = model.routing, model.layout
    routes: list[list[int]] = []
    for v in range(routing.vehicles()):
        route: list[int] = []
        index = routing.Start(v)
        while True:
            index = assignment.Value(routing.NextVar(index))
            if routing.IsEnd(index):
                break
            stop = layout.node_stop(model.manager.IndexToNode(index))
            assert stop is not None
            route.append(stop)
        routes.append(route)
    return routes


def visits_of(
    model: BuiltModel, assignment: pywrapcp.Assignment, routes: list[list[int]]
) -> tuple[tuple[tuple[Visit, ...], ...], tuple[tuple[int, ...], ...]]:
    """Visit times (earliest starts the search kept) and break starts per vehicle.

    Arrival is when the vehicle would reach the stop leaving the previous one as soon as its
    service (and any break taken on that leg) ends; start - arrival is waiting.
    """
    problem, layout = model.layout.problem, model.layout
    travel = layout.travel_by_location
    all_visits: list[tuple[Visit, ...]] = []
    all_breaks: list[tuple[int, ...]] = []
    for v, route in enumerate(routes):
        vehicle = problem.vehicles[v]
        break_starts = [assignment.StartMin(var) for var in model.breaks[v]]
        break_spans = [
            (s, s + b.duration) for s, b in zip(break_starts, vehicle.breaks, strict=True)
        ]
        visits: list[Visit] = []
        location = vehicle.start_location
        ready = assignment.Min(model.time.CumulVar(model.routing.Start(v)))
        for stop_index in route:
            stop = problem.stops[stop_index]
            start = assignment.Min(model.time.CumulVar(model.index_of_stop(stop_index)))
            leg_breaks = sum(e - s for s, e in break_spans if ready <= s and e <= start)
            arrival = min(ready + int(travel[location, stop.location]) + leg_breaks, start)
            visits.append(Visit(stop_index, arrival, start, start + stop.service))
            location, ready = stop.location, start + stop.service
        all_visits.append(tuple(visits))
        all_breaks.append(tuple(break_starts))
    return tuple(all_visits), tuple(all_breaks)
