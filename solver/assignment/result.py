"""Limits in, result out: the GAP solver's small value types."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """How long and how the search runs; the same seed and limits give comparable runs."""

    seconds: float = 10.0
    seed: int = 0
    # Threads: with two or more, one runs the agent LNS and the rest CP-SAT.
    workers: int = 2
    # Share of the time given to the greedy + local-search warm start (capped at warm_max).
    warm_share: float = 0.1
    warm_max_seconds: float = 5.0


@dataclass(frozen=True, slots=True)
class GapResult:
    """Best assignment found; ``bound`` is the proven limit on the optimum in the same sense.

    For minimisation ``bound <= objective``; for maximisation ``bound >= objective``.
    ``assignment`` is empty when no feasible assignment was found.
    """

    objective: int | None
    assignment: tuple[int, ...]
    optimal: bool
    bound: int
    seconds: float
    # Objective of the local-search warm start handed to CP-SAT as a hint (None if none).
    warm_start: int | None = None
    infeasible: bool = False

    @property
    def gap_percent(self) -> float | None:
        """Relative distance between the objective and the proven bound, in percent."""
        if self.objective is None:
            return None
        if self.objective == self.bound:
            return 0.0
        return 100.0 * abs(self.objective - self.bound) / max(1, abs(self.objective))
