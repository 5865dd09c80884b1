"""Reading, presenting and publishing a term's placement versions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ApiError, not_found
from app.placements.models import Placement, PlacementVersion
from app.placements.reasons import reason_out
from app.placements.schemas import (
    Named,
    ObjectiveTermOut,
    PlacementOut,
    TermOut,
    TermPlacementsOut,
    UnfilledOut,
    UnplacedOut,
    VersionOut,
)
from app.posts.models import Post
from app.schools.models import School
from app.solves.models import utcnow
from app.terms.models import Term
from app.vice_principals.models import VicePrincipal

MISSING = Named(id=0, code="", name="（已删除）deleted")


def newest_version(session: Session, term_id: int) -> PlacementVersion | None:
    return session.scalar(
        select(PlacementVersion)
        .where(PlacementVersion.term_id == term_id)
        .order_by(PlacementVersion.number.desc())
        .limit(1)
    )


def get_version(session: Session, term_id: int, number: int | None) -> PlacementVersion:
    """Version ``number`` of the term, or its newest; 404 when there is none."""
    if number is None:
        version = newest_version(session, term_id)
    else:
        version = session.scalar(
            select(PlacementVersion).where(
                PlacementVersion.term_id == term_id, PlacementVersion.number == number
            )
        )
    if version is None:
        raise ApiError(
            404,
            "no_placements",
            "该学期还没有副校长安排，请先求解",
            "This term has no placements yet; solve it first",
        )
    return version


def rows_of(session: Session, version_id: int) -> list[Placement]:
    return list(
        session.scalars(
            select(Placement)
            .where(Placement.version_id == version_id)
            .order_by(Placement.vice_principal_id)
        )
    )


def previous_mapping(session: Session, term_id: int) -> dict[int, int]:
    """Vice-principal id → post id in the newest version (empty when there is none)."""
    version = newest_version(session, term_id)
    if version is None:
        return {}
    return {row.vice_principal_id: row.post_id for row in rows_of(session, version.id)}


def list_versions(session: Session, term_id: int) -> list[VersionOut]:
    rows = session.scalars(
        select(PlacementVersion)
        .where(PlacementVersion.term_id == term_id)
        .order_by(PlacementVersion.number.desc())
    )
    return [version_out(v) for v in rows]


def version_out(version: PlacementVersion) -> VersionOut:
    summary = version.summary or {}
    return VersionOut(
        number=version.number,
        status="published" if version.status == "published" else "draft",
        solve_id=version.solve_id,
        created_at=version.created_at,
        published_at=version.published_at,
        placed_count=int(summary.get("placed_count", 0)),
        moved_count=int(summary.get("moved_count", 0)),
    )


def publish(session: Session, term_id: int, number: int | None, token_id: int | None) -> VersionOut:
    """Freeze a draft for good (the newest version unless ``number`` names one)."""
    version = get_version(session, term_id, number)
    if version.status == "published":
        raise ApiError(
            409,
            "already_published",
            f"第 {version.number} 版已发布，不能再次发布",
            f"Version {version.number} is already published",
        )
    version.status, version.published_at = "published", utcnow()
    version.published_by_token_id = token_id
    session.commit()
    return version_out(version)


def present(session: Session, term: Term, version: PlacementVersion) -> TermPlacementsOut:
    rows = rows_of(session, version.id)
    people = _named(session, VicePrincipal, {u["vice_principal_id"] for u in version.unplaced})
    people.update(_named(session, VicePrincipal, {r.vice_principal_id for r in rows}))
    post_rows = {
        p.id: p
        for p in session.scalars(
            select(Post).where(
                Post.id.in_({r.post_id for r in rows} | {u["post_id"] for u in version.unfilled})
            )
        )
    }
    homes = dict(
        session.execute(
            select(VicePrincipal.id, VicePrincipal.home_school_id).where(
                VicePrincipal.id.in_(people)
            )
        ).all()
    )
    schools = _named(
        session, School, set(homes.values()) | {p.host_school_id for p in post_rows.values()}
    )

    def post_named(post_id: int) -> Named:
        post = post_rows.get(post_id)
        return Named(id=post.id, code=post.code, name=post.code) if post else MISSING

    def host_of(post_id: int) -> Named:
        post = post_rows.get(post_id)
        return schools.get(post.host_school_id, MISSING) if post else MISSING

    summary = version.summary or {}
    return TermPlacementsOut(
        term=TermOut(id=term.id, code=term.code, name=term.name),
        version=version_out(version),
        objective=int(summary.get("objective", 0)),
        bound=int(summary.get("bound", 0)),
        optimal=bool(summary.get("optimal", False)),
        gap_percent=float(summary.get("gap_percent", 0.0)),
        candidate_count=int(summary.get("candidate_count", 0)),
        seat_count=int(summary.get("seat_count", 0)),
        withdrawn_vice_principal_id=summary.get("withdrawn_vice_principal_id"),
        terms=[ObjectiveTermOut(**t) for t in version.terms],
        weights=dict(version.weights),
        placements=[
            PlacementOut(
                vice_principal=people.get(r.vice_principal_id, MISSING),
                home_school=schools.get(homes.get(r.vice_principal_id, 0), MISSING),
                post=post_named(r.post_id),
                host_school=host_of(r.post_id),
                direction=post_rows[r.post_id].direction if r.post_id in post_rows else "",
                distance_km=r.distance_km,
                preference_rank=r.preference_rank,
                subject_fit=r.subject_fit,
                locked=r.locked,
                moved=r.moved,
            )
            for r in rows
        ],
        unplaced=[
            UnplacedOut(
                vice_principal=people.get(u["vice_principal_id"], MISSING), reason=reason_out(u)
            )
            for u in version.unplaced
        ],
        unfilled=[
            UnfilledOut(
                post=post_named(u["post_id"]),
                host_school=host_of(u["post_id"]),
                open_seats=u["open_seats"],
                reason=reason_out(u),
            )
            for u in version.unfilled
        ],
    )


def _named(
    session: Session, model: type[VicePrincipal] | type[School], ids: set[int]
) -> dict[int, Named]:
    rows = session.execute(select(model.id, model.code, model.name).where(model.id.in_(ids)))
    return {i: Named(id=i, code=c, name=n) for i, c, n in rows}


def require_term(session: Session, county_id: int, term: str) -> Term:
    """The county's term by its code (e.g. ``2026-2``) or, failing that, by its numeric id."""
    row = session.scalar(select(Term).where(Term.county_id == county_id, Term.code == term))
    if row is None and term.isdigit() and len(term) < 10:
        row = session.scalar(select(Term).where(Term.county_id == county_id, Term.id == int(term)))
    if row is None:
        raise not_found("学期", "term")
    return row
