"""Progress of a running solve, written to its row at most once a second.

The router calls back on every improvement, far more often than anyone polls; writing each
one would turn a search into a stream of UPDATEs.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from app.solves.models import Solve

WRITE_EVERY_SECONDS = 1.0


class ProgressWriter:
    def __init__(self, sessions: sessionmaker[Session], solve_id: int) -> None:
        self.sessions = sessions
        self.solve_id = solve_id
        self.began = time.monotonic()
        self.state: dict[str, Any] = {"phase": "searching", "improvements": 0}
        self._written_at = 0.0
        self._lock = threading.Lock()

    def improved(self, objective: int, _elapsed: float) -> None:
        """``SearchLimits.on_improvement``: the router's objective (lower is better)."""
        with self._lock:
            self.state["improvements"] += 1
            self.state["best_objective"] = objective
            self.state["last_improvement_seconds"] = round(time.monotonic() - self.began, 2)
            if time.monotonic() - self._written_at >= WRITE_EVERY_SECONDS:
                self._write()

    def phase(self, name: str) -> None:
        with self._lock:
            self.state["phase"] = name
            self._write()

    def _write(self) -> None:
        self._written_at = time.monotonic()
        with self.sessions() as session:
            session.execute(
                update(Solve)
                .where(Solve.id == self.solve_id, Solve.status == "running")
                .values(progress=dict(self.state))
            )
            session.commit()
