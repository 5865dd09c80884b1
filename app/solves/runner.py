"""One weekly solve, start to finish: the function every worker runs, whatever the queue.

Claim the row (queued → running), build the week from the database, search, then write the
draft, its visits and the final status in ONE transaction. A worker that dies before that
commit leaves no half plan, only a row in ``running`` that the stalled-job sweep
(app/jobs/sweep.py) hands to another worker or fails with a reason.
"""

from __future__ import annotations

import logging

from sqlalchemy import Update, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import Settings
from app.planning.instance import build_week
from app.planning.weeks import parse_week
from app.plans.writer import write_plan
from app.solves.models import Solve, utcnow
from app.solves.progress import ProgressWriter
from app.travel import TravelError
from solver.routing import SearchLimits
from solver.week.solve import solve_week

log = logging.getLogger(__name__)


def run_solve(sessions: sessionmaker[Session], settings: Settings, solve_id: int) -> None:
    if not _claim(sessions, solve_id):
        return  # cancelled, or another attempt already finished it
    if _kind(sessions, solve_id) == "placement":
        # Imported here: the placement runner reuses this module's ``fail``.
        from app.placements.runner import run_placement_solve

        run_placement_solve(sessions, settings, solve_id)
        return
    progress = ProgressWriter(sessions, solve_id)
    try:
        with sessions() as session:
            solve = session.get(Solve, solve_id)
            assert solve is not None  # claimed just now
            build = build_week(session, solve.county_id, parse_week(solve.week))
            session.commit()  # keeps the travel times the provider cached on the way
            # The time limit always applies; an iteration limit may end the search sooner.
            limits = SearchLimits(
                seconds=solve.seconds,
                iterations=solve.iterations,
                workers=settings.solve_search_workers,
                on_improvement=progress.improved,
            )
            seed, token_id = solve.seed, solve.created_by_token_id
            decomposition = str((solve.options or {}).get("decomposition", "auto"))
        progress.phase("searching")
        plan = solve_week(build.week, limits, seed=seed, decomposition=decomposition)
        progress.phase("saving")
        with sessions() as session:
            row = session.scalar(select(Solve).where(Solve.id == solve_id).with_for_update())
            if row is None or row.status != "running":
                return  # cancelled while searching: the result is dropped unseen
            version = write_plan(session, build, plan, solve_id, token_id)
            row.status, row.finished_at = "succeeded", utcnow()
            row.changes = plan.kpis.changes
            row.progress = {
                **progress.state,
                "phase": "done",
                "plan_version": version.number,
                "sessions_placed": plan.kpis.sessions_placed,
                "sessions_requested": plan.kpis.sessions_requested,
                "weighted_coverage": plan.kpis.weighted_coverage,
                "coverage_to_bound": plan.kpis.coverage_to_bound,
            }
            session.commit()
    except TravelError as error:
        # The county's road router is down and it asked not to fall back to estimates.
        fail(sessions, solve_id, "travel_unavailable", error.message, error.message_en)
    except Exception as error:
        log.exception("solve %s failed", solve_id)
        fail(
            sessions,
            solve_id,
            "solver_error",
            f"求解出错：{type(error).__name__}",
            f"The solve failed: {type(error).__name__}: {error}"[:500],
        )
        raise


def _kind(sessions: sessionmaker[Session], solve_id: int) -> str | None:
    with sessions() as session:
        return session.scalar(select(Solve.kind).where(Solve.id == solve_id))


def _claim(sessions: sessionmaker[Session], solve_id: int) -> bool:
    with sessions() as session:
        claimed = session.execute(
            update(Solve)
            .where(Solve.id == solve_id, Solve.status.in_(("queued", "running")))
            .values(
                status="running",
                started_at=utcnow(),
                attempts=Solve.attempts + 1,
                progress={"phase": "building"},
            )
        )
        session.commit()
        return bool(claimed.rowcount)  # type: ignore[attr-defined]


def fail(
    sessions: sessionmaker[Session], solve_id: int, code: str, message: str, message_en: str
) -> None:
    """Mark a queued or running solve failed; a finished or cancelled one stays as it is."""
    with sessions() as session:
        session.execute(fail_statement(solve_id, code, message, message_en))
        session.commit()


def fail_statement(solve_id: int, code: str, message: str, message_en: str) -> Update:
    return (
        update(Solve)
        .where(Solve.id == solve_id, Solve.status.in_(("queued", "running")))
        .values(
            status="failed",
            finished_at=utcnow(),
            error_code=code,
            error=message,
            error_en=message_en,
        )
    )
