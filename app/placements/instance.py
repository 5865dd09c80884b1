"""The database → ``solver.placement`` instance, and the solver's ids back to row ids.

Solver ids carry a letter per kind (``s12`` school, ``c7`` candidate, ``p3`` post) so a
reason's ``related`` list, which mixes kinds, can be read back without guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.placements.models import PlacementLock, PlacementWithdrawal
from app.posts.models import Post as PostRow
from app.schools.models import School as SchoolRow
from app.vice_principals.models import VicePrincipal
from solver.placement import (
    Candidate,
    Direction,
    Lock,
    Phase,
    PlacementInstance,
    Post,
    School,
)

URBAN_KIND = "城区学校"
DIRECTIONS = {"挂职": Direction.GUAZHI, "轮岗": Direction.LUNGANG}


def school_key(row_id: int) -> str:
    return f"s{row_id}"


def candidate_key(row_id: int) -> str:
    return f"c{row_id}"


def post_key(row_id: int) -> str:
    return f"p{row_id}"


def row_id(key: str) -> int:
    return int(key[1:])


@dataclass(frozen=True)
class TermBuild:
    county_id: int
    term_id: int
    instance: PlacementInstance
    candidates: dict[int, VicePrincipal]
    posts: dict[int, PostRow]
    schools: dict[int, SchoolRow]


def build_instance(
    session: Session,
    county_id: int,
    term_id: int,
    previous: Mapping[int, int] | None = None,
) -> TermBuild:
    """Every vice-principal of the county not withdrawn from the term, the term's posts,
    the term's locks, and ``previous`` (vice-principal id → post id) for a re-solve."""
    withdrawn = set(
        session.scalars(
            select(PlacementWithdrawal.vice_principal_id).where(
                PlacementWithdrawal.term_id == term_id
            )
        )
    )
    schools = {
        s.id: s for s in session.scalars(select(SchoolRow).where(SchoolRow.county_id == county_id))
    }
    posts = {
        p.id: p
        for p in session.scalars(
            select(PostRow).where(PostRow.county_id == county_id, PostRow.term_id == term_id)
        )
    }
    candidates = {
        v.id: v
        for v in session.scalars(
            select(VicePrincipal)
            .where(VicePrincipal.county_id == county_id)
            .order_by(VicePrincipal.id)
        )
        if v.id not in withdrawn
    }
    # Last term's host: the host school of the post the candidate held before.
    previous_post_ids = {v.previous_post_id for v in candidates.values() if v.previous_post_id}
    previous_hosts: dict[int, int] = dict(
        session.execute(
            select(PostRow.id, PostRow.host_school_id).where(PostRow.id.in_(previous_post_ids))
        ).all()
    )
    locks = session.scalars(
        select(PlacementLock)
        .where(PlacementLock.term_id == term_id)
        .order_by(PlacementLock.vice_principal_id)
    ).all()
    instance = PlacementInstance(
        schools=tuple(_school(s) for s in schools.values()),
        candidates=tuple(_candidate(v, posts, previous_hosts) for v in candidates.values()),
        posts=tuple(_post(p) for p in posts.values()),
        locks=tuple(
            Lock(candidate_key(k.vice_principal_id), post_key(k.post_id))
            for k in locks
            if k.vice_principal_id in candidates and k.post_id in posts
        ),
        previous=tuple(
            sorted(
                (candidate_key(v), post_key(p))
                for v, p in (previous or {}).items()
                if v in candidates and p in posts
            )
        ),
        name=f"term {term_id}",
    )
    return TermBuild(county_id, term_id, instance, candidates, posts, schools)


def _school(row: SchoolRow) -> School:
    return School(
        id=school_key(row.id),
        name=row.name,
        township=str(row.township_id),
        lat=row.latitude,
        lon=row.longitude,
        urban=row.kind == URBAN_KIND,
    )


def _candidate(
    row: VicePrincipal, posts: Mapping[int, PostRow], previous_hosts: Mapping[int, int]
) -> Candidate:
    last_host = previous_hosts.get(row.previous_post_id) if row.previous_post_id else None
    return Candidate(
        id=candidate_key(row.id),
        name=row.name,
        home_school=school_key(row.home_school_id),
        phase=Phase(row.phase),
        subject=row.subject,
        years_of_service=row.years_of_service,
        commute_limit_km=row.commute_limit_km,
        max_km_from_home=row.max_distance_from_home_km,
        # Preferences may name posts of other terms; only this term's count.
        preferences=tuple(post_key(p) for p in (row.preferences or []) if p in posts),
        previous_hosts=(school_key(last_host),) if last_host else (),
    )


def _post(row: PostRow) -> Post:
    return Post(
        id=post_key(row.id),
        host_school=school_key(row.host_school_id),
        direction=DIRECTIONS[row.direction],
        phase=Phase(row.phase),
        seats=row.seats,
        wanted_subjects=tuple(row.wanted_subjects or ()),
        priority=row.priority,
    )
