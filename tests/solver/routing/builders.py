"""Small problems for the routing tests: points on a grid, Manhattan travel."""

from __future__ import annotations

from collections.abc import Sequence

from solver.routing import Break, RoutingProblem, Stop, StopGroup, Vehicle


def manhattan(points: Sequence[tuple[int, int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(abs(ax - bx) + abs(ay - by) for bx, by in points) for ax, ay in points)


def line_problem(
    stops: Sequence[Stop],
    vehicles: int = 1,
    points: Sequence[tuple[int, int]] | None = None,
    shift: tuple[int, int] = (0, 1000),
    breaks: tuple[Break, ...] = (),
    groups: tuple[StopGroup, ...] = (),
    pinned: dict[int, tuple[int, ...]] | None = None,
    capacity: int | None = None,
) -> RoutingProblem:
    """Depot at location 0 = (0, 0); location k at ``points[k]`` (default (10k, 0))."""
    locations = max(s.location for s in stops) + 1
    coords = list(points) if points is not None else [(10 * k, 0) for k in range(locations)]
    pins = pinned or {}
    fleet = tuple(
        Vehicle(
            id=f"v{v}",
            start_location=0,
            end_location=0,
            shift_start=shift[0],
            shift_end=shift[1],
            capacity=capacity,
            breaks=breaks,
            pinned=pins.get(v, ()),
        )
        for v in range(vehicles)
    )
    return RoutingProblem(
        stops=tuple(stops), vehicles=fleet, travel=manhattan(coords), groups=groups
    )


def stop(
    location: int,
    windows: tuple[tuple[int, int], ...] = ((0, 1000),),
    service: int = 5,
    prize: int = 0,
    mandatory: bool = False,
    allowed: frozenset[int] | None = None,
    demand: int = 0,
) -> Stop:
    return Stop(
        id=f"s{location}",
        location=location,
        service=service,
        windows=windows,
        prize=prize,
        mandatory=mandatory,
        demand=demand,
        allowed_vehicles=allowed,
    )
