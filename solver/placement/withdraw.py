"""Re-solving after a candidate withdraws: the rest should stay where they were."""

from __future__ import annotations

import dataclasses

from solver.placement.model import PlacementInstance
from solver.placement.result import PlacementResult


def withdraw(
    instance: PlacementInstance, candidate_id: str, result: PlacementResult
) -> PlacementInstance:
    """The instance without ``candidate_id``, with ``result`` as the previous solution.

    The re-solve then pays ``PlacementWeights.moved`` for each other candidate it moves, and
    reports how many moved. Locks on the withdrawn candidate go with them.
    """
    if all(c.id != candidate_id for c in instance.candidates):
        raise ValueError(f"unknown candidate {candidate_id}")
    return dataclasses.replace(
        instance,
        candidates=tuple(c for c in instance.candidates if c.id != candidate_id),
        locks=tuple(k for k in instance.locks if k.candidate != candidate_id),
        previous=tuple(sorted(result.as_mapping().items())),
    )
