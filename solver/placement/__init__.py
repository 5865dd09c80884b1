"""Term placements of vice-principals (挂职 and 轮岗) with CP-SAT.

Public API for callers such as the web service::

    result = solve_placements(instance, weights, SearchLimits(seconds=10))
    problems = check_placements(instance, result)          # [] when every hard rule holds
    resolved = solve_placements(withdraw(instance, "cand-7", result), weights, limits)

``SearchLimits`` is the assignment core's (only ``seconds``, ``seed`` and ``workers`` matter
here); it is re-exported so callers need one import.
"""

from solver.assignment.result import SearchLimits
from solver.placement.check import check_placements
from solver.placement.model import (
    Candidate,
    Direction,
    Lock,
    Phase,
    PlacementInstance,
    PlacementWeights,
    Post,
    School,
)
from solver.placement.objective import ObjectiveTerm
from solver.placement.result import (
    Placement,
    PlacementResult,
    Reason,
    UnfilledPost,
    UnplacedCandidate,
)
from solver.placement.solve import LockError, solve_placements
from solver.placement.withdraw import withdraw

__all__ = [
    "Candidate",
    "Direction",
    "Lock",
    "LockError",
    "ObjectiveTerm",
    "Phase",
    "Placement",
    "PlacementInstance",
    "PlacementResult",
    "PlacementWeights",
    "Post",
    "Reason",
    "School",
    "SearchLimits",
    "UnfilledPost",
    "UnplacedCandidate",
    "check_placements",
    "solve_placements",
    "withdraw",
]
