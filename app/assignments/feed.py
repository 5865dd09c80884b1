"""A staff member's published visits: the phone feed and the calendar share this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.assignments.schemas import Assignment, SchoolPlace
from app.plans.models import PlanVersion, Visit
from app.plans.present import clock
from app.plans.service import demand_key
from app.schools.models import School


@dataclass(frozen=True)
class Person:
    county_id: int
    kind: str  # squad, teacher or vice_principal
    id: int


def own_visits(session: Session, person: Person, plan_version_id: int) -> list[Visit]:
    if person.kind not in ("squad", "teacher"):
        return []  # vice-principals hold term posts; they have no weekly visits
    column = Visit.squad_id if person.kind == "squad" else Visit.teacher_id
    return list(
        session.scalars(
            select(Visit)
            .where(
                Visit.plan_version_id == plan_version_id,
                Visit.staff_kind == person.kind,
                column == person.id,
            )
            .order_by(Visit.day, Visit.sequence)
        )
    )


def published(
    session: Session, county_id: int, week: str, number: int | None = None
) -> PlanVersion | None:
    statement = select(PlanVersion).where(
        PlanVersion.county_id == county_id,
        PlanVersion.week == week,
        PlanVersion.status == "published",
    )
    if number is not None:
        statement = statement.where(PlanVersion.number == number)
    return session.scalar(statement.order_by(PlanVersion.number.desc()).limit(1))


def newest_published_versions(session: Session, county_id: int) -> list[PlanVersion]:
    """The newest published version of every week of the county."""
    newest = (
        select(PlanVersion.week, func.max(PlanVersion.number).label("number"))
        .where(PlanVersion.county_id == county_id, PlanVersion.status == "published")
        .group_by(PlanVersion.week)
        .subquery()
    )
    return list(
        session.scalars(
            select(PlanVersion)
            .join(
                newest,
                (PlanVersion.week == newest.c.week) & (PlanVersion.number == newest.c.number),
            )
            .where(PlanVersion.county_id == county_id, PlanVersion.status == "published")
            .order_by(PlanVersion.week)
        )
    )


def assignments(session: Session, visits: Sequence[Visit]) -> list[Assignment]:
    ids = {v.school_id for v in visits}
    schools = {s.id: s for s in session.scalars(select(School).where(School.id.in_(ids)))}
    out = []
    for visit in visits:
        school = schools[visit.school_id]
        out.append(
            Assignment(
                key=f"{visit.day.isoformat()}:{demand_key(visit)}",
                date=visit.day,
                weekday=visit.day.isoweekday(),
                start=clock(visit.start_minute),
                end=clock(visit.end_minute),
                arrival=clock(visit.arrival_minute),
                school=SchoolPlace(
                    id=school.id,
                    code=school.code,
                    name=school.name,
                    address=school.address,
                    latitude=school.latitude,
                    longitude=school.longitude,
                ),
                activity=visit.skill,
                case_code=visit.case_code,
                travel_minutes=visit.travel_minutes,
                travel_hint=_hint(visit),
                sequence=visit.sequence,
                carried_over=visit.carried_over,
            )
        )
    return out


def _hint(visit: Visit) -> str:
    if visit.travel_minutes == 0:
        return "紧接上一节，无需转场 / same school as the previous session"
    minutes, arrive = visit.travel_minutes, clock(visit.arrival_minute)
    return (
        f"约 {minutes} 分钟车程（自上一站或出发地），{arrive} 到达"
        f" / about {minutes} min drive, arrive {arrive}"
    )
