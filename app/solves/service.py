"""Starting, reading and cancelling solves. The solving itself is app/solves/runner.py."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.errors import ApiError, Problem, invalid, not_found
from app.core.pagination import ListQuery, Page
from app.core.permissions import Access
from app.jobs.dispatch import SolveQueue
from app.planning.weeks import IsoWeek
from app.plans.models import PlanVersion
from app.solves.models import ACTIVE, Solve, utcnow
from app.solves.runner import fail_statement
from app.solves.schemas import SolveCreate, SolveError, SolveOut, SolveProgress

log = logging.getLogger(__name__)


WEEK_BUSY = (
    "该周已有排队或运行中的求解，请等待完成或取消后再提交",
    "A solve of this week is already queued or running; wait for it or cancel it",
)


def in_progress(existing: Solve | None, busy: tuple[str, str] = WEEK_BUSY) -> ApiError:
    details = []
    if existing is not None:
        details.append(
            Problem(
                "solve_id",
                f"进行中的求解：{existing.id}",
                f"the solve in progress is {existing.id}",
            )
        )
    return ApiError(409, "solve_in_progress", busy[0], busy[1], details)


def check_seconds(settings: Settings, seconds: float) -> None:
    if seconds > settings.solve_max_seconds:
        raise invalid(
            [
                Problem(
                    "body.seconds",
                    f"时间上限不能超过 {settings.solve_max_seconds:g} 秒",
                    f"seconds must be at most {settings.solve_max_seconds:g}",
                )
            ]
        )


def submit(
    session: Session,
    queue: SolveQueue,
    solve: Solve,
    active: Select[Solve],
    busy: tuple[str, str] = WEEK_BUSY,
) -> Solve:
    """Commit a new solve row unless ``active`` finds one, then hand it to the job queue.

    Rows the caller added to ``session`` commit with it, or are rolled back with it.
    """
    existing = session.scalar(active)
    if existing is not None:
        session.rollback()
        raise in_progress(existing, busy)
    session.add(solve)
    try:
        session.commit()
    except IntegrityError as race:
        # The partial unique index caught a concurrent POST that passed the check above.
        session.rollback()
        raise in_progress(session.scalar(active), busy) from race
    return enqueue(session, queue, solve)


def start_solve(
    session: Session,
    access: Access,
    settings: Settings,
    queue: SolveQueue,
    week: IsoWeek,
    body: SolveCreate,
) -> Solve:
    county_id = cast(int, access.county_id)
    check_seconds(settings, body.seconds)
    active = select(Solve).where(
        Solve.county_id == county_id, Solve.week == week.label, Solve.status.in_(ACTIVE)
    )
    principal = access.principal
    solve = Solve(
        county_id=county_id,
        week=week.label,
        status="queued",
        seconds=body.seconds,
        iterations=body.iterations,
        seed=body.seed,
        options=body.options.model_dump(),
        progress={"phase": "queued"},
        created_by_token_id=principal.token_id if principal else None,
    )
    return submit(session, queue, solve, active)


def enqueue(session: Session, queue: SolveQueue, solve: Solve) -> Solve:
    """Hand a committed solve row to the job queue (placement solves use it too)."""
    try:
        solve.job_id = queue.defer(solve.id)
        session.commit()
    except Exception as error:
        log.exception("could not queue solve %s", solve.id)
        session.rollback()
        zh, en = "无法提交到任务队列，请稍后再试", "The job queue is unavailable; try again later"
        session.execute(fail_statement(solve.id, "queue_unavailable", zh, en))
        session.commit()
        raise ApiError(503, "queue_unavailable", zh, en) from error
    return solve


def get_solve(session: Session, access: Access, solve_id: int) -> Solve:
    solve = session.get(Solve, solve_id)
    if solve is None or (access.county_id is not None and solve.county_id != access.county_id):
        raise not_found("求解任务", "solve")
    session.refresh(solve)  # the worker writes it from another process
    return solve


def cancel_solve(session: Session, access: Access, queue: SolveQueue, solve_id: int) -> Solve:
    solve = get_solve(session, access, solve_id)
    cancelled = session.execute(
        update(Solve)
        .where(Solve.id == solve.id, Solve.status.in_(ACTIVE))
        .values(status="cancelled", finished_at=utcnow())
    )
    session.commit()
    if not cancelled.rowcount:  # type: ignore[attr-defined]
        raise ApiError(
            409,
            "solve_finished",
            "该求解已结束，无法取消",
            f"The solve has already ended ({solve.status})",
        )
    if solve.job_id is not None:
        try:
            queue.cancel(solve.job_id)
        except Exception:
            # The row already says cancelled, and the runner checks it before writing.
            log.exception("could not cancel job %s of solve %s", solve.job_id, solve.id)
    session.refresh(solve)
    return solve


def list_solves(session: Session, access: Access, week: IsoWeek, query: ListQuery) -> Page[Any]:
    """Newest first by default; ``?status=`` filters (parsed by the shared list helper)."""
    statement = select(Solve).where(Solve.county_id == access.county_id, Solve.week == week.label)
    for name, value in query.filters.items():
        statement = statement.where(getattr(Solve, name) == value)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    column = getattr(Solve, query.sort.removeprefix("-"))
    order = column.desc() if query.sort.startswith("-") else column.asc()
    rows = session.scalars(
        statement.order_by(order, Solve.id.desc()).limit(query.limit).offset(query.offset)
    ).all()
    items = [describe(session, row) for row in rows]
    return Page[Any](items=items, total=total, limit=query.limit, offset=query.offset)


def describe(session: Session, solve: Solve) -> SolveOut:
    number = session.scalar(select(PlanVersion.number).where(PlanVersion.solve_id == solve.id))
    progress = dict(solve.progress or {})
    started = solve.started_at
    elapsed = None
    if started is not None:
        end = solve.finished_at or datetime.now(UTC)
        elapsed = round((_aware(end) - _aware(started)).total_seconds(), 1)
    known = {"phase", "best_objective", "improvements"}
    error = None
    if solve.error_code:
        error = SolveError(
            code=solve.error_code, message=solve.error or "", message_en=solve.error_en or ""
        )
    return SolveOut(
        id=solve.id,
        county_id=solve.county_id,
        kind=cast(Any, solve.kind),
        week=solve.week,
        term_id=solve.term_id,
        status=cast(Any, solve.status),
        seconds=solve.seconds,
        iterations=solve.iterations,
        seed=solve.seed,
        options=solve.options or {},
        progress=SolveProgress(
            phase=progress.get("phase"),
            elapsed_seconds=elapsed,
            best_objective=progress.get("best_objective"),
            improvements=progress.get("improvements", 0),
            extra={k: v for k, v in progress.items() if k not in known},
        ),
        error=error,
        attempts=solve.attempts,
        changes=solve.changes,
        plan_version=number,
        created_at=solve.created_at,
        started_at=solve.started_at,
        finished_at=solve.finished_at,
    )


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
