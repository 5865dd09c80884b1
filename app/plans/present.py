"""Visit rows → what people read: names, codes, HH:MM times."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.plans.models import Visit
from app.plans.schemas import VisitOut
from app.schools.models import School
from app.squads.models import Squad
from app.teachers.models import Teacher


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Names:
    """Codes and names of a county's staff and schools, loaded once per response."""

    staff: dict[tuple[str, int], tuple[str, str]]
    schools: dict[int, School]

    @classmethod
    def load(cls, session: Session, county_id: int) -> Names:
        staff: dict[tuple[str, int], tuple[str, str]] = {}
        for squad in session.execute(
            select(Squad.id, Squad.code, Squad.name).where(Squad.county_id == county_id)
        ):
            staff[("squad", squad.id)] = (squad.code, squad.name)
        for teacher in session.execute(
            select(Teacher.id, Teacher.code, Teacher.name).where(Teacher.county_id == county_id)
        ):
            staff[("teacher", teacher.id)] = (teacher.code, teacher.name)
        schools = {
            s.id: s for s in session.scalars(select(School).where(School.county_id == county_id))
        }
        return cls(staff, schools)


def staff_id(visit: Visit) -> int:
    value = visit.squad_id if visit.staff_kind == "squad" else visit.teacher_id
    assert value is not None  # the table's CHECK constraint
    return value


def visit_out(visit: Visit, names: Names) -> VisitOut:
    code, name = names.staff.get((visit.staff_kind, staff_id(visit)), ("?", "?"))
    school = names.schools.get(visit.school_id)
    return VisitOut(
        id=visit.id,
        staff_kind=visit.staff_kind,  # type: ignore[arg-type]
        staff_id=staff_id(visit),
        staff_code=code,
        staff_name=name,
        date=visit.day,
        weekday=visit.day.isoweekday(),
        school_id=visit.school_id,
        school_code=school.code if school else "?",
        school_name=school.name if school else "?",
        need_id=visit.need_id,
        case_id=visit.case_id,
        case_code=visit.case_code,
        skill=visit.skill,
        start=clock(visit.start_minute),
        end=clock(visit.end_minute),
        arrival=clock(visit.arrival_minute),
        travel_minutes=visit.travel_minutes,
        sequence=visit.sequence,
        pinned=visit.pinned,
        carried_over=visit.carried_over,
        forced_violations=list(visit.forced_violations or []),
    )


def visits_out(visits: Iterable[Visit], names: Names) -> list[VisitOut]:
    return [visit_out(v, names) for v in visits]
