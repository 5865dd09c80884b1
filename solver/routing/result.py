"""The output of the routing core."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Visit:
    stop: int
    arrival: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RoutingSolution:
    # One list per vehicle, in the order of RoutingProblem.vehicles; depots excluded.
    routes: tuple[tuple[Visit, ...], ...]
    dropped: tuple[int, ...]
    objective: int
    total_distance: int
    prize_collected: int
    # "optimal" is never claimed by a heuristic; "feasible", "infeasible" or "timeout".
    status: str
    iterations: int
    elapsed_seconds: float
    # Start time of each of the vehicle's breaks, in the order of Vehicle.breaks.
    break_starts: tuple[tuple[int, ...], ...] = ()

    @property
    def stop_routes(self) -> tuple[tuple[int, ...], ...]:
        """Stop indices per vehicle, without times."""
        return tuple(tuple(v.stop for v in route) for route in self.routes)
