"""The Generalised Assignment Problem as one immutable value.

Every job goes to exactly one agent; each agent's resource use stays within its capacity; the
total cost is minimised (or the total profit maximised). The term placements reuse the same
shape with candidates as jobs and posts as agents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GapProblem:
    """One GAP instance; matrices are indexed ``[agent][job]`` like OR-Library files."""

    costs: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[int, ...], ...]
    capacities: tuple[int, ...]
    maximize: bool = False
    name: str = ""

    def __post_init__(self) -> None:
        m, n = len(self.capacities), self.num_jobs
        if len(self.costs) != m or len(self.weights) != m:
            raise ValueError("costs and weights need one row per agent")
        if any(len(row) != n for row in (*self.costs, *self.weights)):
            raise ValueError("every cost and weight row needs one entry per job")

    @property
    def num_agents(self) -> int:
        return len(self.capacities)

    @property
    def num_jobs(self) -> int:
        return len(self.costs[0]) if self.costs else 0

    def objective(self, assignment: Sequence[int]) -> int:
        """Total cost (or profit) of giving job ``j`` to agent ``assignment[j]``."""
        return sum(self.costs[agent][job] for job, agent in enumerate(assignment))

    def loads(self, assignment: Sequence[int]) -> list[int]:
        """Resource used on each agent."""
        used = [0] * self.num_agents
        for job, agent in enumerate(assignment):
            used[agent] += self.weights[agent][job]
        return used

    def is_feasible(self, assignment: Sequence[int]) -> bool:
        """Every job has a valid agent and no agent is over capacity."""
        if len(assignment) != self.num_jobs:
            return False
        if any(not 0 <= agent < self.num_agents for agent in assignment):
            return False
        return all(u <= c for u, c in zip(self.loads(assignment), self.capacities, strict=True))
