"""The job queue: procrastinate, on PostgreSQL in production and in memory on SQLite.

Why procrastinate: it keeps its queue in the PostgreSQL we already run (no broker to
deploy), wakes workers with LISTEN/NOTIFY, and tracks worker heartbeats, so a worker that
died mid-solve is detected and its job retried or failed (app/jobs/sweep.py). On the
embedded SQLite default its InMemoryConnector feeds an in-process worker: the same task
function, the same ``run_solve``, only the transport differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import procrastinate
from procrastinate.testing import InMemoryConnector
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import Settings
from app.solves.runner import run_solve

QUEUE = "solves"
QUEUE_SCHEMA = "procrastinate"  # created by alembic/versions/0007_lifecycle.py
SOLVE_TASK = "solve_week"
SWEEP_TASK = "sweep_stalled_solves"
# Every 5 seconds (croniter's sixth field is seconds): cheap, and a lost solve is back in
# the queue a few seconds after its worker's heartbeat goes stale.
SWEEP_CRON = "* * * * * */5"


@dataclass(frozen=True)
class Runtime:
    """What a task needs from the process it runs in."""

    sessions: sessionmaker[Session]
    settings: Settings


def uses_postgres(settings: Settings) -> bool:
    return make_url(settings.database_url).get_backend_name() == "postgresql"


def libpq_url(database_url: str) -> str:
    """SQLAlchemy's ``postgresql+psycopg://`` → the plain URL psycopg's pool expects, with
    the queue's own PostgreSQL schema first on the search path (see migration 0007)."""
    url = make_url(database_url).set(drivername="postgresql")
    url = url.update_query_dict({"options": f"-csearch_path={QUEUE_SCHEMA}"})
    return url.render_as_string(hide_password=False)


def make_queue_app(runtime: Runtime) -> procrastinate.App:
    """A procrastinate App with our tasks bound to ``runtime``.

    Tasks are registered per App (not on a module-level blueprint) so the API, a worker
    and the tests can each build their own without sharing mutable task objects.
    """
    postgres = uses_postgres(runtime.settings)
    connector: Any = (
        procrastinate.PsycopgConnector(conninfo=libpq_url(runtime.settings.database_url))
        if postgres
        else InMemoryConnector()
    )
    app = procrastinate.App(connector=connector)

    def solve_week_job(solve_id: int) -> None:
        run_solve(runtime.sessions, runtime.settings, solve_id)

    # No automatic retry on an exception: the solver failing on the same data again would
    # only repeat the error. Lost workers are retried by the sweep instead.
    app.task(name=SOLVE_TASK, queue=QUEUE)(solve_week_job)
    if postgres:
        from app.jobs.sweep import sweep_stalled

        async def sweep_job(context: procrastinate.JobContext, timestamp: int) -> None:
            await sweep_stalled(context.app, runtime)

        task = app.task(name=SWEEP_TASK, queue=QUEUE, queueing_lock=SWEEP_TASK, pass_context=True)
        app.periodic(cron=SWEEP_CRON, periodic_id=SWEEP_TASK)(task(sweep_job))
    return app


def worker_options(settings: Settings) -> dict[str, Any]:
    return {
        "queues": [QUEUE],
        # One solve at a time per worker process: a solve already uses the cores it is given.
        "concurrency": 1,
        "update_heartbeat_interval": settings.worker_heartbeat_seconds,
        "stalled_worker_timeout": settings.worker_stalled_seconds,
        # Our solves table is the record; finished queue rows would only pile up.
        "delete_jobs": "successful",
    }
