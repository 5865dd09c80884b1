"""The routing core shared by the weekly solve, the VRPTW and the TOPTW commands.

One engine answers three questions: Solomon VRPTW (every stop mandatory), team orienteering
with time windows (every stop optional, worth its prize), and one day of a county's week
(staff-day tours that pick the most valuable visits that fit). The weekly model in
``solver.week`` only translates a week into :class:`RoutingProblem` and back.
"""

from solver.routing.problem import (
    Break,
    RoutingProblem,
    Stop,
    StopGroup,
    Vehicle,
)
from solver.routing.result import RoutingSolution, Visit
from solver.routing.search import SearchLimits, solve_routing

__all__ = [
    "Break",
    "RoutingProblem",
    "RoutingSolution",
    "SearchLimits",
    "Stop",
    "StopGroup",
    "Vehicle",
    "Visit",
    "solve_routing",
]
