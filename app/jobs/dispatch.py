"""Handing solves to the queue from the API: one interface, two transports.

``PostgresQueue`` writes the job into procrastinate's tables (any ``yuanjiao worker`` on
any host picks it up). ``EmbeddedQueue`` runs a procrastinate worker on an InMemory
connector in a thread of the API process — what `make run` on SQLite uses.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from typing import Annotated, Protocol

from fastapi import Depends, Request
from sqlalchemy import update

from app.jobs.queue import SOLVE_TASK, Runtime, make_queue_app, uses_postgres, worker_options
from app.solves.models import ACTIVE, Solve, utcnow

DEFER_TIMEOUT_SECONDS = 10.0


class SolveQueue(Protocol):
    def defer(self, solve_id: int) -> int:
        """Queue the solve; returns the job id."""
        ...

    def cancel(self, job_id: int) -> None:
        """Drop a job that has not started; a running one is told to abort."""
        ...


class PostgresQueue:
    def __init__(self, runtime: Runtime) -> None:
        self.app = make_queue_app(runtime).open()

    def defer(self, solve_id: int) -> int:
        return self.app.configure_task(SOLVE_TASK).defer(solve_id=solve_id)

    def cancel(self, job_id: int) -> None:
        self.app.job_manager.cancel_job_by_id(job_id, abort=True)


class EmbeddedQueue:
    """A worker thread with its own event loop; every queue call runs on that loop, so the
    in-memory connector is only ever touched from one thread."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.app = make_queue_app(runtime)
        self.loop = asyncio.new_event_loop()
        _forget_lost_solves(runtime)
        self.thread = threading.Thread(target=self._run, name="yuanjiao-solver", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        options = worker_options(self.runtime.settings)
        options.update(install_signal_handlers=False, fetch_job_polling_interval=0.2)
        self.loop.run_until_complete(self._work(options))

    async def _work(self, options: dict[str, object]) -> None:
        async with self.app.open_async():
            await self.app.run_worker_async(**options)  # type: ignore[arg-type]

    def _call(self, coroutine: object) -> object:
        future: Future[object] = asyncio.run_coroutine_threadsafe(coroutine, self.loop)  # type: ignore[arg-type]
        return future.result(timeout=DEFER_TIMEOUT_SECONDS)

    def defer(self, solve_id: int) -> int:
        task = self.app.configure_task(SOLVE_TASK)
        return int(self._call(task.defer_async(solve_id=solve_id)))  # type: ignore[call-overload]

    def cancel(self, job_id: int) -> None:
        self._call(self.app.job_manager.cancel_job_by_id_async(job_id, abort=True))


def _forget_lost_solves(runtime: Runtime) -> None:
    """An in-memory queue does not survive a restart: solves it held can never finish."""
    with runtime.sessions() as session:
        session.execute(
            update(Solve)
            .where(Solve.status.in_(ACTIVE))
            .values(
                status="failed",
                finished_at=utcnow(),
                error_code="server_restarted",
                error="服务重启，排队中的求解已丢失，请重新提交",
                error_en="The server restarted and lost this queued solve; start it again",
            )
        )
        session.commit()


_lock = threading.Lock()


def solve_queue(request: Request) -> SolveQueue:
    """The app's queue, created on first use (the app's settings decide which kind)."""
    state = request.app.state
    with _lock:
        queue: SolveQueue | None = getattr(state, "solve_queue", None)
        if queue is None:
            runtime = Runtime(state.sessions, state.settings)
            queue = (
                PostgresQueue(runtime) if uses_postgres(state.settings) else EmbeddedQueue(runtime)
            )
            state.solve_queue = queue
    return queue


QueueDep = Annotated[SolveQueue, Depends(solve_queue)]
