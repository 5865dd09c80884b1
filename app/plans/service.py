"""Reading a week's plan: versions, views, KPIs, what was left out, what changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ApiError, not_found
from app.planning.weeks import IsoWeek
from app.plans.models import PlanVersion, Visit
from app.plans.present import Names, staff_id, visit_out, visits_out
from app.plans.schemas import (
    DiffOut,
    Group,
    KpisOut,
    MovedOut,
    PlanOut,
    UnscheduledOut,
    VersionOut,
    View,
)


def versions(session: Session, county_id: int, week: IsoWeek) -> list[PlanVersion]:
    return list(
        session.scalars(
            select(PlanVersion)
            .where(PlanVersion.county_id == county_id, PlanVersion.week == week.label)
            .order_by(PlanVersion.number.desc())
        )
    )


def version(session: Session, county_id: int, week: IsoWeek, number: int | None) -> PlanVersion:
    """Version ``number`` of the week, or its newest (draft or published)."""
    statement = select(PlanVersion).where(
        PlanVersion.county_id == county_id, PlanVersion.week == week.label
    )
    if number is not None:
        statement = statement.where(PlanVersion.number == number)
    found = session.scalar(statement.order_by(PlanVersion.number.desc()).limit(1))
    if found is None:
        raise ApiError(
            404,
            "no_plan",
            f"{week.label} 还没有排班方案（先提交求解）" if number is None else "没有该版本",
            f"No plan for {week.label} yet (start a solve)"
            if number is None
            else f"No version {number} of {week.label}",
        )
    return found


def last_published(
    session: Session, county_id: int, week: str, before: int | None = None
) -> PlanVersion | None:
    statement = select(PlanVersion).where(
        PlanVersion.county_id == county_id,
        PlanVersion.week == week,
        PlanVersion.status == "published",
    )
    if before is not None:
        statement = statement.where(PlanVersion.number < before)
    return session.scalar(statement.order_by(PlanVersion.number.desc()).limit(1))


def visits(session: Session, plan: PlanVersion) -> list[Visit]:
    return list(
        session.scalars(
            select(Visit)
            .where(Visit.plan_version_id == plan.id)
            .order_by(Visit.day, Visit.staff_kind, Visit.squad_id, Visit.teacher_id, Visit.sequence)
        )
    )


def plan_view(
    session: Session, county_id: int, week: IsoWeek, number: int | None, view: View
) -> PlanOut:
    plan = version(session, county_id, week, number)
    rows = visits(session, plan)
    names = Names.load(session, county_id)
    groups: dict[str, list[Visit]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in rows:
        if view == "staff":
            key = f"{row.staff_kind}:{staff_id(row)}"
            labels[key] = names.staff.get((row.staff_kind, staff_id(row)), ("?", "?"))[1]
        elif view == "school":
            key = f"school:{row.school_id}"
            school = names.schools.get(row.school_id)
            labels[key] = school.name if school else "?"
        else:
            key = row.day.isoformat()
            labels[key] = key
        groups[key].append(row)
    ordered = sorted(groups, key=lambda k: (labels[k], k)) if view != "day" else sorted(groups)
    return PlanOut(
        week=week.label,
        version=VersionOut.model_validate(plan),
        view=view,
        visit_count=len(rows),
        groups=[
            Group(key=k, label=labels[k], visits=visits_out(groups[k], names)) for k in ordered
        ],
    )


def kpis(session: Session, county_id: int, week: IsoWeek, number: int | None) -> KpisOut:
    plan = version(session, county_id, week, number)
    placed = len(visits(session, plan))
    return KpisOut(
        week=week.label,
        version=VersionOut.model_validate(plan),
        kpis=plan.kpis or {},
        sessions_placed_now=placed,
        edited_since_solve=plan.edits > 0,
    )


def unscheduled(
    session: Session, county_id: int, week: IsoWeek, number: int | None
) -> UnscheduledOut:
    plan = version(session, county_id, week, number)
    return UnscheduledOut(
        week=week.label, version=VersionOut.model_validate(plan), items=plan.unscheduled or []
    )


def diff(session: Session, county_id: int, week: IsoWeek, number: int | None) -> DiffOut:
    """This version against the last published one before it: a session is the same one
    when it serves the same need or case; if its staff, day or start changed it moved."""
    plan = version(session, county_id, week, number)
    base = last_published(session, county_id, week.label, before=plan.number)
    names = Names.load(session, county_id)
    now = visits(session, plan)
    before = visits(session, base) if base is not None else []
    added, removed, moved, unchanged = compare(before, now)
    return DiffOut(
        week=week.label,
        version=VersionOut.model_validate(plan),
        against=VersionOut.model_validate(base) if base is not None else None,
        added=visits_out(added, names),
        removed=visits_out(removed, names),
        moved=[MovedOut(before=visit_out(a, names), after=visit_out(b, names)) for a, b in moved],
        unchanged=unchanged,
    )


def placement(visit: Visit) -> tuple[str, int, str, int]:
    return (visit.staff_kind, staff_id(visit), visit.day.isoformat(), visit.start_minute)


def demand_key(visit: Visit) -> str:
    if visit.need_id is not None:
        return f"need-{visit.need_id}"
    if visit.case_id is not None:
        return f"case-{visit.case_id}"
    return f"visit-{visit.id}"  # its need or case was deleted: it can only match itself


def compare(
    before: Sequence[Visit], now: Sequence[Visit]
) -> tuple[list[Visit], list[Visit], list[tuple[Visit, Visit]], int]:
    old: dict[str, list[Visit]] = defaultdict(list)
    new: dict[str, list[Visit]] = defaultdict(list)
    for v in before:
        old[demand_key(v)].append(v)
    for v in now:
        new[demand_key(v)].append(v)
    added, removed, moved, unchanged = [], [], [], 0
    for key in sorted(set(old) | set(new)):
        was = {placement(v): v for v in old[key]}
        is_ = {placement(v): v for v in new[key]}
        same = set(was) & set(is_)
        unchanged += len(same)
        gone = [was[p] for p in sorted(set(was) - same)]
        came = [is_[p] for p in sorted(set(is_) - same)]
        pairs = min(len(gone), len(came))
        moved += list(zip(gone[:pairs], came[:pairs], strict=True))
        removed += gone[pairs:]
        added += came[pairs:]
    return added, removed, moved, unchanged


def get_visit(session: Session, county_id: int, week: IsoWeek, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    plan = session.get(PlanVersion, visit.plan_version_id) if visit is not None else None
    if visit is None or plan is None or plan.county_id != county_id or plan.week != week.label:
        raise not_found("访问", "visit")
    return visit
