"""A solver result → a numbered draft version with its rows, in the caller's transaction."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.placements.instance import TermBuild, row_id
from app.placements.models import Placement, PlacementVersion
from solver.placement import PlacementResult, PlacementWeights, Reason


def write_version(
    session: Session,
    build: TermBuild,
    result: PlacementResult,
    weights: PlacementWeights,
    solve_id: int | None,
    token_id: int | None,
    withdrawn: int | None = None,
) -> PlacementVersion:
    county_id, term_id = build.county_id, build.term_id
    number = (
        session.scalar(
            select(func.max(PlacementVersion.number)).where(PlacementVersion.term_id == term_id)
        )
        or 0
    ) + 1
    version = PlacementVersion(
        county_id=county_id,
        term_id=term_id,
        number=number,
        status="draft",
        solve_id=solve_id,
        summary={
            "objective": result.objective,
            "bound": result.bound,
            "optimal": result.optimal,
            "gap_percent": round(result.gap_percent, 4),
            "placed_count": result.placed_count,
            "candidate_count": len(build.candidates),
            "seat_count": sum(p.seats for p in build.posts.values()),
            "moved_count": result.moved_count,
            "seconds": round(result.seconds, 3),
            "withdrawn_vice_principal_id": withdrawn,
        },
        terms=[asdict(term) for term in result.terms],
        weights=asdict(weights),
        unplaced=[
            {"vice_principal_id": row_id(u.candidate), **_reason(u.reason)} for u in result.unplaced
        ],
        unfilled=[
            {"post_id": row_id(u.post), "open_seats": u.open_seats, **_reason(u.reason)}
            for u in result.unfilled
        ],
        created_by_token_id=token_id,
    )
    session.add(version)
    session.flush()
    for p in result.placements:
        session.add(
            Placement(
                version_id=version.id,
                county_id=county_id,
                vice_principal_id=row_id(p.candidate),
                post_id=row_id(p.post),
                host_school_id=row_id(p.host_school),
                distance_km=round(p.distance_km, 1),
                preference_rank=p.preference_rank,
                subject_fit=p.subject_fit,
                locked=p.locked,
                moved=p.moved,
            )
        )
    return version


def _reason(reason: Reason) -> dict[str, Any]:
    """The solver's reason with its related ids split by kind (``p…`` posts, ``c…`` people)."""
    return {
        "reason_code": reason.code,
        "reason_en": reason.message,
        "related_post_ids": [row_id(k) for k in reason.related if k.startswith("p")],
        "related_vice_principal_ids": [row_id(k) for k in reason.related if k.startswith("c")],
    }
