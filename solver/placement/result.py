"""What a placement solve returns: placements, what stayed open and why, and the score."""

from __future__ import annotations

from dataclasses import dataclass

from solver.placement.objective import ObjectiveTerm


@dataclass(frozen=True, slots=True)
class Reason:
    """Why something was left out: a stable ``code`` for programs, a ``message`` for people.

    ``related`` names the posts, candidates or schools the message is about.
    """

    code: str
    message: str
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    candidate: str
    post: str
    host_school: str
    distance_km: float
    preference_rank: int | None
    subject_fit: bool
    locked: bool
    moved: bool


@dataclass(frozen=True, slots=True)
class UnplacedCandidate:
    candidate: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class UnfilledPost:
    post: str
    open_seats: int
    reason: Reason


@dataclass(frozen=True, slots=True)
class PlacementResult:
    """The best placement found.

    ``objective`` is the sum of ``terms`` points among placements that place ``placed_count``
    candidates (the most possible when ``optimal``); ``bound`` is CP-SAT's proven upper bound
    on that sum and ``gap_percent`` their distance. ``moved_count`` counts candidates of the
    previous solution that no longer hold their previous post.
    """

    placements: tuple[Placement, ...]
    unplaced: tuple[UnplacedCandidate, ...]
    unfilled: tuple[UnfilledPost, ...]
    terms: tuple[ObjectiveTerm, ...]
    objective: int
    bound: int
    optimal: bool
    placed_count: int
    moved_count: int
    seconds: float

    @property
    def gap_percent(self) -> float:
        if self.bound == self.objective:
            return 0.0
        return 100.0 * abs(self.bound - self.objective) / max(1, abs(self.objective))

    def as_mapping(self) -> dict[str, str]:
        """candidate id → post id, e.g. to pass as the ``previous`` of a re-solve."""
        return {p.candidate: p.post for p in self.placements}
