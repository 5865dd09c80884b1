"""Sessions asked for but not delivered in the term's earlier weeks, by need and by case.

Only weeks the bureau published a plan for count (the newest published version of each):
a week without one was a holiday or ran outside the system, and inventing misses for it
would push every school's weight up alike. Nothing here is computed by a coordinator.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cases.models import Case
from app.needs.models import Need
from app.planning.refs import DemandRef
from app.planning.weeks import IsoWeek, week_of
from app.plans.models import PlanVersion, Visit
from app.terms.models import Term


def term_weeks_before(session: Session, county_id: int, week: IsoWeek) -> list[IsoWeek]:
    """The weeks of the term containing ``week``'s Monday that come before it."""
    term = session.scalar(
        select(Term)
        .where(
            Term.county_id == county_id,
            Term.start_date <= week.monday,
            Term.end_date >= week.monday,
        )
        .order_by(Term.start_date.desc())
    )
    if term is None:
        return []
    weeks, monday = [], week_of(term.start_date).monday
    while monday < week.monday:
        weeks.append(week_of(monday))
        monday += timedelta(days=7)
    return weeks


def carry_over(session: Session, county_id: int, week: IsoWeek) -> Counter[DemandRef]:
    earlier = {w.label: w for w in term_weeks_before(session, county_id, week)}
    if not earlier:
        return Counter()
    newest = (
        select(PlanVersion.week, func.max(PlanVersion.number).label("number"))
        .where(
            PlanVersion.county_id == county_id,
            PlanVersion.status == "published",
            PlanVersion.week.in_(list(earlier)),
        )
        .group_by(PlanVersion.week)
        .subquery()
    )
    versions = session.execute(
        select(PlanVersion.id, PlanVersion.week)
        .join(
            newest,
            (PlanVersion.week == newest.c.week) & (PlanVersion.number == newest.c.number),
        )
        .where(PlanVersion.county_id == county_id)
    ).all()
    cases = session.scalars(select(Case).where(Case.county_id == county_id, Case.active)).all()
    needs = session.scalars(select(Need).where(Need.county_id == county_id)).all()
    missed: Counter[DemandRef] = Counter()
    for version_id, label in versions:
        past = earlier[label]
        delivered = Counter(_delivered(session, version_id))
        for need in needs:
            if need.valid_from <= past.dates[-1] and (
                need.valid_to is None or need.valid_to >= past.monday
            ):
                ref = DemandRef("need", need.id)
                missed[ref] += max(0, need.sessions_per_week - delivered[ref])
        for case in cases:
            ref = DemandRef("case", case.id)
            missed[ref] += max(0, case.sessions_per_week - delivered[ref])
    return +missed  # drops the zeros


def _delivered(session: Session, version_id: int) -> list[DemandRef]:
    rows = session.execute(
        select(Visit.need_id, Visit.case_id).where(Visit.plan_version_id == version_id)
    ).all()
    out = []
    for need_id, case_id in rows:
        if need_id is not None:
            out.append(DemandRef("need", need_id))
        elif case_id is not None:
            out.append(DemandRef("case", case_id))
    return out
