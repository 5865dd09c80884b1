"""The best assignment so far, shared between the CP-SAT thread and the LNS thread."""

from __future__ import annotations

import threading

import numpy as np

from solver.assignment.local_search import IntMatrix, IntVector


class Incumbent:
    """Thread-safe best-so-far; ``offer`` keeps a copy only if it is strictly cheaper."""

    def __init__(self, costs: IntMatrix) -> None:
        self._costs = costs
        self._lock = threading.Lock()
        self._best: IntVector | None = None
        self._cost: int | None = None
        self.version = 0  # bumps on every improvement, so readers can tell news apart

    def offer(self, assignment: IntVector) -> bool:
        cost = int(self._costs[assignment, np.arange(len(assignment))].sum())
        with self._lock:
            if self._cost is not None and cost >= self._cost:
                return False
            self._best, self._cost = assignment.copy(), cost
            self.version += 1
            return True

    def get(self) -> tuple[IntVector | None, int | None]:
        with self._lock:
            best = None if self._best is None else self._best.copy()
            return best, self._cost
