"""Starting placement solves, locks and withdrawals, and a vice-principal's own placement.

A placement solve is a row of ``solves`` with ``kind = "placement"``: the same queue, worker,
progress, cancel and stalled-worker sweep as the weekly solve. Its ``week`` is empty, so the
solves table's partial unique index allows one queued-or-running placement solve per county.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.errors import ApiError, Problem, invalid, not_found
from app.core.permissions import Access
from app.jobs.dispatch import SolveQueue
from app.placements.instance import build_instance, candidate_key, post_key
from app.placements.models import Placement, PlacementLock, PlacementVersion, PlacementWithdrawal
from app.placements.schemas import (
    LockOut,
    MyPlacementOut,
    Named,
    PlacementSolveCreate,
    TermOut,
    WithdrawalCreate,
)
from app.placements.versions import previous_mapping, require_term
from app.posts.models import Post
from app.schools.models import School
from app.solves.models import ACTIVE, Solve
from app.solves.service import check_seconds, submit
from app.terms.models import Term
from app.vice_principals.models import VicePrincipal
from solver.placement.rules import broken_rule

PLACEMENT = "placement"


PLACEMENT_BUSY = (
    "本县已有排队或运行中的副校长安排求解，请等待完成或取消后再提交",
    "A placement solve of this county is already queued or running; wait or cancel it",
)


def start_solve(
    session: Session,
    access: Access,
    settings: Settings,
    queue: SolveQueue,
    term: Term,
    body: PlacementSolveCreate,
    withdrawn: int | None = None,
) -> Solve:
    """Queue a placement solve; rows the caller added to ``session`` commit with it."""
    check_seconds(settings, body.seconds)
    active = select(Solve).where(
        Solve.county_id == term.county_id, Solve.kind == PLACEMENT, Solve.status.in_(ACTIVE)
    )
    weights = body.weights.model_dump(exclude_none=True) if body.weights else {}
    principal = access.principal
    solve = Solve(
        county_id=term.county_id,
        kind=PLACEMENT,
        week="",
        term_id=term.id,
        status="queued",
        seconds=body.seconds,
        seed=body.seed,
        options={
            "weights": weights,
            "keep_previous": body.keep_previous,
            "withdrawn_vice_principal_id": withdrawn,
        },
        progress={"phase": "queued"},
        created_by_token_id=principal.token_id if principal else None,
    )
    return submit(session, queue, solve, active, PLACEMENT_BUSY)


def withdraw(
    session: Session,
    access: Access,
    settings: Settings,
    queue: SolveQueue,
    term: Term,
    body: WithdrawalCreate,
) -> Solve:
    """Take a candidate out of the term and re-solve from the newest version."""
    person = _vice_principal(session, term.county_id, body.vice_principal_id)
    taken = select(PlacementWithdrawal.id).where(
        PlacementWithdrawal.term_id == term.id,
        PlacementWithdrawal.vice_principal_id == person.id,
    )
    if session.scalar(taken) is not None:
        raise ApiError(
            409,
            "already_withdrawn",
            "该副校长已退出本学期安排",
            "This vice-principal has already withdrawn from the term",
        )
    _drop_lock(session, term.id, person.id)
    session.add(
        PlacementWithdrawal(county_id=term.county_id, term_id=term.id, vice_principal_id=person.id)
    )
    solve_body = PlacementSolveCreate(
        seconds=body.seconds, seed=0, weights=None, keep_previous=True
    )
    return start_solve(session, access, settings, queue, term, solve_body, withdrawn=person.id)


def list_withdrawals(session: Session, term: Term) -> list[int]:
    """Vice-principal ids withdrawn from the term."""
    return list(
        session.scalars(
            select(PlacementWithdrawal.vice_principal_id)
            .where(PlacementWithdrawal.term_id == term.id)
            .order_by(PlacementWithdrawal.vice_principal_id)
        )
    )


def reinstate(session: Session, term: Term, vice_principal_id: int) -> None:
    """Undo a withdrawal: the next solve considers them again."""
    person = _vice_principal(session, term.county_id, vice_principal_id)
    row = session.scalar(
        select(PlacementWithdrawal).where(
            PlacementWithdrawal.term_id == term.id,
            PlacementWithdrawal.vice_principal_id == person.id,
        )
    )
    if row is None:
        raise not_found("退出记录", "withdrawal")
    session.delete(row)
    session.commit()


def list_locks(session: Session, term: Term) -> list[LockOut]:
    rows = session.scalars(
        select(PlacementLock)
        .where(PlacementLock.term_id == term.id)
        .order_by(PlacementLock.vice_principal_id)
    )
    return [LockOut(vice_principal_id=k.vice_principal_id, post_id=k.post_id) for k in rows]


def set_lock(session: Session, term: Term, vice_principal_id: int, post_id: int | None) -> LockOut:
    """Keep the vice-principal in the post in every later solve of the term.

    Refused up front when the pair breaks a hard rule or the post's seats are all locked,
    so a lock can never make the next solve fail.
    """
    person = _vice_principal(session, term.county_id, vice_principal_id)
    if post_id is None:
        post_id = previous_mapping(session, term.id).get(person.id)
        if post_id is None:
            raise invalid(
                [
                    Problem(
                        "body.post_id",
                        "最新版本中该副校长没有岗位，请指定岗位",
                        "the newest version has no post for them; name one",
                    )
                ]
            )
    post = session.get(Post, post_id)
    if post is None or post.term_id != term.id:
        raise not_found("本学期岗位", "post of this term")
    build = build_instance(session, term.county_id, term.id)
    candidate = next(
        (c for c in build.instance.candidates if c.id == candidate_key(person.id)), None
    )
    if candidate is None:
        raise ApiError(
            409,
            "withdrawn",
            "该副校长已退出本学期安排，不能锁定",
            "This vice-principal withdrew from the term and cannot be locked",
        )
    solver_post = next(p for p in build.instance.posts if p.id == post_key(post.id))
    schools = {s.id: s for s in build.instance.schools}
    broken = broken_rule(schools, candidate, solver_post)
    if broken is not None:
        rule, km = broken
        raise ApiError(
            422,
            "lock_breaks_rule",
            f"该安排违反硬性规则（{rule.value}，距离 {km:.0f} 公里），不能锁定",
            f"The placement breaks the hard rule '{rule.value}' ({km:.0f} km); not locked",
        )
    others = session.scalar(
        select(func.count()).where(
            PlacementLock.post_id == post.id, PlacementLock.vice_principal_id != person.id
        )
    )
    if (others or 0) >= post.seats:
        raise ApiError(
            409,
            "post_full",
            "该岗位的名额已全部被锁定",
            "Every seat of this post is already locked",
        )
    lock = session.scalar(
        select(PlacementLock).where(
            PlacementLock.term_id == term.id, PlacementLock.vice_principal_id == person.id
        )
    )
    if lock is None:
        lock = PlacementLock(county_id=term.county_id, term_id=term.id, vice_principal_id=person.id)
        session.add(lock)
    lock.post_id = post.id
    session.commit()
    return LockOut(vice_principal_id=person.id, post_id=post.id)


def remove_lock(session: Session, term: Term, vice_principal_id: int) -> None:
    person = _vice_principal(session, term.county_id, vice_principal_id)
    if not _drop_lock(session, term.id, person.id):
        raise not_found("锁定", "lock")
    session.commit()


def _drop_lock(session: Session, term_id: int, vice_principal_id: int) -> bool:
    lock = session.scalar(
        select(PlacementLock).where(
            PlacementLock.term_id == term_id, PlacementLock.vice_principal_id == vice_principal_id
        )
    )
    if lock is not None:
        session.delete(lock)
    return lock is not None


def _vice_principal(session: Session, county_id: int, vice_principal_id: int) -> VicePrincipal:
    person = session.get(VicePrincipal, vice_principal_id)
    if person is None or person.county_id != county_id:
        raise not_found("副校长", "vice-principal")
    return person


def my_placement(session: Session, access: Access, term_code: str) -> MyPlacementOut:
    """The caller's own post in the term's newest PUBLISHED version; drafts stay private."""
    principal = access.principal
    assert principal is not None and principal.staff_id is not None  # the rule ensures it
    assert access.county_id is not None
    term = require_term(session, access.county_id, term_code)
    found = session.execute(
        select(PlacementVersion, Placement)
        .join(Placement, Placement.version_id == PlacementVersion.id)
        .where(
            PlacementVersion.term_id == term.id,
            PlacementVersion.status == "published",
            Placement.vice_principal_id == principal.staff_id,
        )
        .order_by(PlacementVersion.number.desc())
        .limit(1)
    ).first()
    newest_published = session.scalar(
        select(func.max(PlacementVersion.number)).where(
            PlacementVersion.term_id == term.id, PlacementVersion.status == "published"
        )
    )
    if found is None or found[0].number != newest_published:
        raise ApiError(
            404,
            "no_placement",
            "本学期已发布的安排中没有您的岗位",
            "The term's published placements have no post for you",
        )
    version, row = found
    post = session.get(Post, row.post_id)
    school = session.get(School, row.host_school_id)
    assert post is not None and school is not None  # foreign keys keep them
    return MyPlacementOut(
        term=TermOut(id=term.id, code=term.code, name=term.name),
        version=version.number,
        published_at=version.published_at,
        post=Named(id=post.id, code=post.code, name=post.code),
        host_school=Named(id=school.id, code=school.code, name=school.name),
        host_address=school.address,
        direction=post.direction,
        distance_km=row.distance_km,
    )
