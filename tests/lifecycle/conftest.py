"""Fixtures for the weekly solve lifecycle: fast solves, waiting, real worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.jobs.queue import uses_postgres
from tests.conftest import PG_ENV

ON_POSTGRES = bool(os.environ.get(PG_ENV))
needs_postgres = pytest.mark.skipif(
    not ON_POSTGRES, reason=f"needs a real PostgreSQL: set {PG_ENV} (make pytest-postgres)"
)


@pytest.fixture(scope="session", autouse=True)
def one_search_per_solve(app: FastAPI) -> None:
    # Two cores are shared by the whole suite: one search per solve keeps solves polite.
    app.state.settings.solve_search_workers = 1


def wait_for_solve(
    client: TestClient,
    headers: dict[str, str],
    solve_id: int,
    until: Callable[[dict[str, Any]], bool] = lambda s: s["status"] not in ("queued", "running"),
    timeout: float = 180.0,
) -> list[dict[str, Any]]:
    """Poll GET /solves/{id} until ``until`` holds; returns every state seen."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get(f"/api/v1/solves/{solve_id}", headers=headers)
        assert response.status_code == 200, response.text
        seen.append(response.json())
        if until(seen[-1]):
            return seen
        time.sleep(0.3)
    raise AssertionError(f"solve {solve_id} stuck: last seen {seen[-1] if seen else None}")


class WorkerProcess:
    """A real `yuanjiao worker` against the test database, with short heartbeats."""

    def __init__(self, database_url: str, **settings: str) -> None:
        env = {
            **os.environ,
            "YUANJIAO_DATABASE_URL": database_url,
            "YUANJIAO_SOLVE_SEARCH_WORKERS": "1",
            "YUANJIAO_WORKER_HEARTBEAT_SECONDS": "1",
            "YUANJIAO_WORKER_STALLED_SECONDS": "3",
            **{f"YUANJIAO_{k.upper()}": v for k, v in settings.items()},
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from app.cli import main; sys.exit(main())",
                "worker",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # a kill reaches the worker's own solver children too
        )

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def start_worker(database_url: str) -> Iterator[Callable[..., WorkerProcess]]:
    started: list[WorkerProcess] = []

    def start(**settings: str) -> WorkerProcess:
        worker = WorkerProcess(database_url, **settings)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def solving(app: FastAPI, start_worker: Callable[..., WorkerProcess]) -> None:
    """Whatever runs solves for this database: the embedded worker on SQLite (it starts
    with the first solve), a real worker process on PostgreSQL."""
    if uses_postgres(app.state.settings):
        start_worker()
