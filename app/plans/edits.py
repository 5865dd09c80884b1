"""Hand edits of a week's plan: pin, move, delete, publish.

Edits always land on the week's newest version. If that one is published it stays as it
was: the edit goes to a new draft copied from it (and the response names that draft).
Editing an older version is refused (409): its visits are not what anyone now plans with.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ApiError, Problem, invalid
from app.core.fields import minutes_of
from app.planning.instance import build_week, newest_version, visit_staff
from app.planning.refs import StaffRef
from app.planning.weeks import IsoWeek
from app.plans.feasibility import retime, violations_for
from app.plans.models import PlanVersion, Visit
from app.plans.present import Names, visit_out
from app.plans.schemas import EditOut, MoveBody, VersionOut
from app.plans.service import get_visit, visits
from app.plans.writer import copy_version
from app.solves.models import utcnow
from app.squads.models import Squad
from app.teachers.models import Teacher


def _editable(
    session: Session, county_id: int, week: IsoWeek, visit_id: int, token_id: int | None
) -> tuple[PlanVersion, Visit]:
    visit = get_visit(session, county_id, week, visit_id)
    newest = newest_version(session, county_id, week)
    assert newest is not None  # the visit belongs to a version of this week
    # Row lock (PostgreSQL): an edit and a publish of one version take turns, so a publish
    # never lands in the middle of an edit; the status is read again once we hold it.
    session.refresh(newest, with_for_update=True)
    if visit.plan_version_id != newest.id:
        raise ApiError(
            409,
            "stale_version",
            f"只能修改最新版本（第 {newest.number} 版）中的访问",
            f"Only visits of the newest version ({newest.number}) can be edited",
        )
    if newest.status == "published":
        draft, copies = copy_version(session, newest, token_id)
        return draft, copies[visit.id]
    return newest, visit


def _done(session: Session, county_id: int, draft: PlanVersion, visit: Visit | None) -> EditOut:
    draft.edits += 1
    session.commit()
    names = Names.load(session, county_id)
    return EditOut(
        version=VersionOut.model_validate(draft),
        visit=visit_out(visit, names) if visit is not None else None,
    )


def set_pinned(
    session: Session,
    county_id: int,
    week: IsoWeek,
    visit_id: int,
    pinned: bool,
    token_id: int | None,
) -> EditOut:
    draft, visit = _editable(session, county_id, week, visit_id, token_id)
    visit.pinned = pinned
    return _done(session, county_id, draft, visit)


def delete_visit(
    session: Session, county_id: int, week: IsoWeek, visit_id: int, token_id: int | None
) -> EditOut:
    draft, visit = _editable(session, county_id, week, visit_id, token_id)
    build = build_week(session, county_id, week, reference=draft)
    session.delete(visit)
    session.flush()
    remaining = visits(session, draft)
    if remaining:
        _, assembled = violations_for(build, remaining, remaining[0])
        key = (build.staff_id_of(visit_staff(visit)) or "", _day(build.iso, visit))
        retime(assembled, {key})
    return _done(session, county_id, draft, None)


def move_visit(
    session: Session,
    county_id: int,
    week: IsoWeek,
    visit_id: int,
    body: MoveBody,
    token_id: int | None,
) -> EditOut:
    """Check the move with the solver's checker; 422 with the violations unless forced."""
    draft, visit = _editable(session, county_id, week, visit_id, token_id)
    target = _target_staff(session, county_id, visit, body)
    day = body.date or visit.day
    if day not in week.dates:
        raise invalid(
            [Problem("body.date", f"日期须在 {week.label} 之内", f"date must be in {week.label}")]
        )
    build = build_week(session, county_id, week, reference=draft)
    source = (build.staff_id_of(visit_staff(visit)) or "", _day(week, visit))
    length = visit.end_minute - visit.start_minute
    start = minutes_of(body.start) if body.start is not None else visit.start_minute
    if start + length > 24 * 60:
        raise invalid(
            [Problem("body.start", "结束时间超过午夜", "the session would end after midnight")]
        )
    visit.staff_kind = target.kind
    visit.squad_id = target.id if target.kind == "squad" else None
    visit.teacher_id = target.id if target.kind == "teacher" else None
    visit.day, visit.start_minute, visit.end_minute = day, start, start + length
    session.flush()
    found, assembled = violations_for(build, visits(session, draft), visit)
    if found and not body.force:
        session.rollback()
        raise ApiError(
            422,
            "move_infeasible",
            "该调整不可行（可加 force 强制执行）",
            "The move breaks the rules below (send force: true to apply it anyway)",
            [Problem(f"{v.kind}@{v.where}", v.message, v.message_en) for v in found],
        )
    visit.forced_violations = [v.model_dump() for v in found]
    target_key = (build.staff_id_of(target) or "", _day(week, visit))
    retime(assembled, {source, target_key})
    out = _done(session, county_id, draft, visit)
    out.violations = found
    return out


def _day(week: IsoWeek, visit: Visit) -> int:
    return week.dates.index(visit.day) if visit.day in week.dates else -1


def _target_staff(session: Session, county_id: int, visit: Visit, body: MoveBody) -> StaffRef:
    current = visit_staff(visit)
    kind = body.staff_kind or current.kind
    staff_id = body.staff_id if body.staff_id is not None else current.id
    model = Squad if kind == "squad" else Teacher
    found = session.scalar(
        select(model.id).where(model.id == staff_id, model.county_id == county_id)
    )
    if found is None:
        raise invalid(
            [
                Problem(
                    "body.staff_id",
                    f"本县没有 id 为 {staff_id} 的{'小分队' if kind == 'squad' else '教师'}",
                    f"no {kind} with id {staff_id} in this county",
                )
            ]
        )
    return StaffRef(kind, staff_id)


def publish(session: Session, county_id: int, week: IsoWeek, token_id: int | None) -> VersionOut:
    draft = newest_version(session, county_id, week)
    if draft is None:
        raise ApiError(
            404, "no_plan", f"{week.label} 还没有排班方案", f"No plan for {week.label} yet"
        )
    session.refresh(draft, with_for_update=True)  # waits for an edit in flight (_editable)
    if draft.status == "published":
        raise ApiError(
            409,
            "already_published",
            f"第 {draft.number} 版已发布，没有新的草稿",
            f"Version {draft.number} is already published; there is no newer draft",
        )
    draft.status, draft.published_at, draft.published_by_token_id = "published", utcnow(), token_id
    session.commit()
    return VersionOut.model_validate(draft)
