"""Stalled solves: a worker stopped heartbeating while it held a solve.

procrastinate finds such jobs from its workers' heartbeats. Each one goes back to the queue
while attempts remain (the next worker starts the solve afresh — nothing of the lost run was
written) or is failed with a reason the coordinator can read. Either way its row in
``solves`` leaves ``running``.
"""

from __future__ import annotations

import asyncio
import logging

import procrastinate
from procrastinate.jobs import Status
from sqlalchemy import update

from app.jobs.queue import SOLVE_TASK, Runtime
from app.solves.models import Solve
from app.solves.runner import fail

log = logging.getLogger(__name__)


async def sweep_stalled(app: procrastinate.App, runtime: Runtime) -> int:
    """Retry or fail every solve job whose worker is gone; returns how many it handled."""
    settings = runtime.settings
    stalled = await app.job_manager.get_stalled_jobs(
        task_name=_registered_name(app),
        seconds_since_heartbeat=settings.worker_stalled_seconds,
    )
    handled = 0
    for job in stalled:
        solve_id = job.task_kwargs.get("solve_id")
        if not isinstance(solve_id, int):
            continue  # not one of ours (the task name matched, the arguments did not)
        tried = job.attempts + 1  # procrastinate counts the attempts already closed
        if tried < settings.solve_max_attempts:
            log.warning("solve %s lost its worker; retrying (attempt %s)", solve_id, tried + 1)
            await app.job_manager.retry_job(job)
            await asyncio.to_thread(_requeue, runtime, solve_id, tried)
        else:
            log.error("solve %s lost its worker %s times; failing it", solve_id, tried)
            await app.job_manager.finish_job(job, Status.FAILED, delete_job=False)
            await asyncio.to_thread(
                fail,
                runtime.sessions,
                solve_id,
                "worker_lost",
                f"执行求解的工作进程中断（已尝试 {tried} 次），请重新提交",
                f"The worker running this solve stopped ({tried} attempts); start it again",
            )
        handled += 1
    return handled


def _registered_name(app: procrastinate.App) -> str:
    return next(name for name in app.tasks if name.endswith(SOLVE_TASK))


def _requeue(runtime: Runtime, solve_id: int, lost: int) -> None:
    with runtime.sessions() as session:
        session.execute(
            update(Solve)
            .where(Solve.id == solve_id, Solve.status == "running")
            .values(status="queued", progress={"phase": "retrying", "lost_workers": lost})
        )
        session.commit()
