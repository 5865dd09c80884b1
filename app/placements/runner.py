"""One placement solve, start to finish, run by the weekly solve's worker (app/solves/runner.py
hands over solves of kind ``placement`` after claiming them).

Build the term from the database, search, check every hard rule with the solver's own
independent referee, then write the draft version and the final status in ONE transaction.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import Settings
from app.placements.instance import build_instance
from app.placements.versions import previous_mapping
from app.placements.writer import write_version
from app.solves.models import Solve, utcnow
from app.solves.progress import ProgressWriter
from app.solves.runner import fail
from solver.placement import (
    LockError,
    SearchLimits,
    check_placements,
    solve_placements,
)
from solver.placement.json_io import weights_from_dict

log = logging.getLogger(__name__)


def run_placement_solve(sessions: sessionmaker[Session], settings: Settings, solve_id: int) -> None:
    """The solve row is already claimed (``running``)."""
    progress = ProgressWriter(sessions, solve_id)
    try:
        with sessions() as session:
            solve = session.get(Solve, solve_id)
            assert solve is not None and solve.term_id is not None
            options = dict(solve.options or {})
            # A withdrawal re-solve starts from the newest version so it can move few people.
            previous = (
                previous_mapping(session, solve.term_id) if options.get("keep_previous") else None
            )
            build = build_instance(session, solve.county_id, solve.term_id, previous)
            weights = weights_from_dict(options.get("weights"))
            limits = SearchLimits(
                seconds=solve.seconds, seed=solve.seed, workers=settings.solve_search_workers
            )
            token_id = solve.created_by_token_id
            withdrawn = options.get("withdrawn_vice_principal_id")
        progress.phase("searching")
        result = solve_placements(build.instance, weights, limits)
        problems = check_placements(build.instance, result)
        if problems:
            # Never publishable: the referee found a broken hard rule; keep the evidence.
            log.error("placement solve %s broke hard rules: %s", solve_id, problems)
            fail(
                sessions,
                solve_id,
                "placement_check_failed",
                "求解结果未通过硬性规则校验，未保存",
                ("The result broke hard rules and was not saved: " + "; ".join(problems))[:500],
            )
            return
        progress.phase("saving")
        with sessions() as session:
            row = session.scalar(select(Solve).where(Solve.id == solve_id).with_for_update())
            if row is None or row.status != "running":
                return  # cancelled while searching: the result is dropped unseen
            version = write_version(session, build, result, weights, solve_id, token_id, withdrawn)
            row.status, row.finished_at = "succeeded", utcnow()
            row.changes = result.moved_count
            row.progress = {
                **progress.state,
                "phase": "done",
                "placement_version": version.number,
                "placed_count": result.placed_count,
                "candidate_count": len(build.candidates),
                "moved_count": result.moved_count,
                "optimal": result.optimal,
                "gap_percent": round(result.gap_percent, 4),
            }
            session.commit()
    except LockError as error:
        fail(
            sessions,
            solve_id,
            "lock_invalid",
            "锁定的安排违反硬性规则或超出岗位名额，请先解锁",
            f"A locked placement cannot be kept: {error}"[:500],
        )
    except Exception as error:
        log.exception("placement solve %s failed", solve_id)
        fail(
            sessions,
            solve_id,
            "solver_error",
            f"求解出错：{type(error).__name__}",
            f"The solve failed: {type(error).__name__}: {error}"[:500],
        )
        raise
