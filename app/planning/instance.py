"""The database → one ``solver.week.Week``: staff-days, needs, cases, roads, pins, history.

The result keeps the way back (``WeekBuild``): which row each solver id stands for, so the
plan the solver returns can be written as visits without guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cases.models import Case
from app.closures.models import Closure
from app.core.errors import not_found
from app.core.fields import minutes_of
from app.counties.models import County
from app.needs.models import Need
from app.planning.carry_over import carry_over
from app.planning.refs import DemandRef, StaffKind, StaffRef, base_key, need_key, staff_key
from app.planning.travel import travel_matrix
from app.planning.weeks import IsoWeek
from app.plans.models import PlanVersion, Visit
from app.schools.models import School
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.townships.models import Township
from app.travel import Place
from solver.week import instance as sw

SCHOOL_KINDS = {
    "教学点": sw.SchoolKind.TEACHING_POINT,
    "村小": sw.SchoolKind.VILLAGE,
    "中心校": sw.SchoolKind.CENTRAL,
    "初中": sw.SchoolKind.JUNIOR,
    "城区学校": sw.SchoolKind.URBAN,
}
TEACHER_KINDS = {
    "psychology": sw.StaffKind.PSYCHOLOGY,
    "studio": sw.StaffKind.STUDIO,
    "backbone": sw.StaffKind.BACKBONE,
}
# Staff eat within this window; schools keep their own lunch separately.
LUNCH_EARLIEST = 11 * 60 + 30
LUNCH_LATEST = 13 * 60 + 30


@dataclass
class WeekBuild:
    """A solver week and the rows behind its ids."""

    week: sw.Week
    iso: IsoWeek
    county_id: int
    staff: dict[str, StaffRef] = field(default_factory=dict)
    staff_names: dict[str, str] = field(default_factory=dict)
    schools: dict[str, int] = field(default_factory=dict)
    demands: dict[str, DemandRef] = field(default_factory=dict)
    skills: dict[str, str] = field(default_factory=dict)  # demand id → skill
    case_codes: dict[str, str] = field(default_factory=dict)  # demand id → case code

    def staff_id_of(self, ref: StaffRef) -> str | None:
        return next((key for key, r in self.staff.items() if r == ref), None)

    def demand_id_of(self, ref: DemandRef) -> str | None:
        return next((key for key, r in self.demands.items() if r == ref), None)

    def day_of(self, day: date) -> int:
        return self.iso.dates.index(day)


def build_week(
    session: Session, county_id: int, iso: IsoWeek, reference: PlanVersion | None = None
) -> WeekBuild:
    """The county's week as of now. ``reference`` (the newest plan of the week, by default)
    supplies the pins and the previous visits a re-solve should keep close to."""
    county = session.get(County, county_id)
    if county is None:
        raise not_found("县", "county")
    dates = iso.dates
    closed = _closed_dates(session, county_id, dates)
    build = WeekBuild(week=sw.Week((), (), (), ()), iso=iso, county_id=county_id)
    staff, bases = _staff(session, county_id, dates, closed, build)
    needs, cases = _demands(session, county_id, iso, build)
    wanted_schools = {n.school for n in needs} | {c.school for c in cases}
    schools = _schools(session, county_id, dates, closed, wanted_schools, build)
    places = [Place(b.id, b.lat, b.lon) for b in bases]
    places += [Place(s.id, s.lat, s.lon) for s in schools]
    if reference is None:
        reference = newest_version(session, county_id, iso)
    pins, previous = _history(session, reference, build)
    build.week = sw.Week(
        days=tuple(sw.Day(d.isoformat()) for d in dates),
        bases=tuple(bases),
        staff=tuple(staff),
        schools=tuple(schools),
        needs=tuple(needs),
        cases=tuple(cases),
        travel=travel_matrix(session, county, places),
        pairing=sw.PairingMode(county.pairing_mode),
        pins=tuple(pins),
        previous=tuple(previous),
    )
    return build


def _codes(
    session: Session, model: type[Township] | type[School], county_id: int
) -> dict[int, str]:
    rows = session.execute(select(model.id, model.code).where(model.county_id == county_id))
    return {row_id: code for row_id, code in rows}


def newest_version(session: Session, county_id: int, iso: IsoWeek) -> PlanVersion | None:
    return session.scalar(
        select(PlanVersion)
        .where(PlanVersion.county_id == county_id, PlanVersion.week == iso.label)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )


def _closed_dates(session: Session, county_id: int, dates: Sequence[date]) -> set[date]:
    closures = session.scalars(
        select(Closure).where(
            Closure.county_id == county_id,
            Closure.start_date <= dates[-1],
            Closure.end_date >= dates[0],
        )
    ).all()
    return {d for d in dates for c in closures if c.start_date <= d <= c.end_date}


def _windows(
    availability: Iterable[dict[str, Any]], dates: Sequence[date], closed: set[date]
) -> tuple[sw.Availability, ...]:
    """One window per working day. Two slots on one weekday keep the longer one: the gap
    between them is time the person said they are not free."""
    out = []
    for day, when in enumerate(dates):
        if when in closed:
            continue
        slots = [s for s in availability if s["weekday"] == when.isoweekday()]
        if not slots:
            continue
        spans = [(minutes_of(s["start"]), minutes_of(s["end"])) for s in slots]
        start, end = max(spans, key=lambda span: span[1] - span[0])
        out.append(sw.Availability(day, start, end))
    return tuple(out)


def _staff(
    session: Session,
    county_id: int,
    dates: Sequence[date],
    closed: set[date],
    build: WeekBuild,
) -> tuple[list[sw.Staff], list[sw.Base]]:
    townships = _codes(session, Township, county_id)
    rows: list[tuple[StaffKind, Squad | Teacher]] = [
        ("squad", row)
        for row in session.scalars(
            select(Squad).where(Squad.county_id == county_id).order_by(Squad.code)
        )
    ]
    rows += [
        ("teacher", row)
        for row in session.scalars(
            select(Teacher).where(Teacher.county_id == county_id).order_by(Teacher.code)
        )
    ]
    staff, bases = [], []
    for kind, row in rows:
        availability = _windows(row.availability or [], dates, closed)
        if not availability:
            continue
        key = staff_key(kind, row.code)
        build.staff[key] = StaffRef(kind, row.id)
        build.staff_names[key] = row.name
        base = sw.Base(base_key(key), row.base_latitude, row.base_longitude)
        bases.append(base)
        paired: frozenset[str] = frozenset()
        if isinstance(row, Squad):
            paired = frozenset(townships[t] for t in row.paired_township_ids if t in townships)
        lunch = None
        if row.lunch_minutes > 0:
            lunch = sw.Lunch(LUNCH_EARLIEST, LUNCH_LATEST, row.lunch_minutes)
        staff.append(
            sw.Staff(
                id=key,
                kind=sw.StaffKind.SQUAD
                if isinstance(row, Squad)
                else TEACHER_KINDS.get(row.role, sw.StaffKind.BACKBONE),
                base=base.id,
                skills=frozenset(row.skills or []),
                availability=availability,
                max_work_minutes=row.max_work_minutes,
                max_travel_minutes=row.max_travel_minutes,
                lunch=lunch,
                townships=paired,
            )
        )
    return staff, bases


def _demands(
    session: Session, county_id: int, iso: IsoWeek, build: WeekBuild
) -> tuple[list[sw.Need], list[sw.Case]]:
    monday, sunday = iso.dates[0], iso.dates[-1]
    school_codes = _codes(session, School, county_id)
    missed = carry_over(session, county_id, iso)
    needs = []
    for need in session.scalars(
        select(Need)
        .where(Need.county_id == county_id, Need.valid_from <= sunday)
        .where((Need.valid_to.is_(None)) | (Need.valid_to >= monday))
        .order_by(Need.id)
    ):
        key, ref = need_key(need.id), DemandRef("need", need.id)
        build.demands[key], build.skills[key] = ref, need.skill
        needs.append(
            sw.Need(
                id=key,
                school=school_codes[need.school_id],
                skill=need.skill,
                sessions=need.sessions_per_week,
                minutes=need.minutes,
                priority=need.priority,
                preferred_days=frozenset(d - 1 for d in need.preferred_weekdays or []),
                carry_over=missed[ref],
            )
        )
    staff_of = {ref: key for key, ref in build.staff.items()}
    cases = []
    for case in session.scalars(
        select(Case).where(Case.county_id == county_id, Case.active).order_by(Case.code)
    ):
        teacher = staff_of.get(StaffRef("teacher", case.teacher_id))
        if teacher is None:
            continue  # the teacher does not work this week; nobody else may take the case
        ref = DemandRef("case", case.id)
        build.demands[case.code], build.skills[case.code] = ref, sw.PSYCHOLOGY
        build.case_codes[case.code] = case.code
        cases.append(
            sw.Case(
                code=case.code,
                school=school_codes[case.school_id],
                teacher=teacher,
                sessions=case.sessions_per_week,
                minutes=case.minutes,
                carry_over=missed[ref],
            )
        )
    return needs, cases


def _schools(
    session: Session,
    county_id: int,
    dates: Sequence[date],
    closed: set[date],
    wanted: set[str],
    build: WeekBuild,
) -> list[sw.School]:
    townships = _codes(session, Township, county_id)
    schools = []
    for row in session.scalars(
        select(School).where(School.county_id == county_id).order_by(School.code)
    ):
        if row.code not in wanted:
            continue
        build.schools[row.code] = row.id
        closed_days = {
            day
            for day, when in enumerate(dates)
            if when in closed or when.isoweekday() in (row.closed_weekdays or [])
        }
        schools.append(
            sw.School(
                id=row.code,
                township=townships.get(row.township_id, ""),
                kind=SCHOOL_KINDS.get(row.kind, sw.SchoolKind.VILLAGE),
                lat=row.latitude,
                lon=row.longitude,
                pupils=row.pupils,
                left_behind=row.left_behind_pupils,
                opens=minutes_of(row.day_start),
                closes=minutes_of(row.day_end),
                lunch_start=minutes_of(row.lunch_start),
                lunch_end=minutes_of(row.lunch_end),
                closed_days=frozenset(closed_days),
            )
        )
    return schools


def _history(
    session: Session, reference: PlanVersion | None, build: WeekBuild
) -> tuple[list[sw.Pin], list[sw.PreviousVisit]]:
    """Pins and previous visits from ``reference``, as far as they still make sense: a
    pin on a need that ended or a person who is away this week is left out."""
    if reference is None:
        return [], []
    pins, previous = [], []
    staff = {ref: key for key, ref in build.staff.items()}
    demands = {ref: key for key, ref in build.demands.items()}
    for visit in session.scalars(
        select(Visit).where(Visit.plan_version_id == reference.id).order_by(Visit.id)
    ):
        staff_id = staff.get(visit_staff(visit))
        demand = visit_demand(visit)
        demand_id = demands.get(demand) if demand is not None else None
        if staff_id is None or demand_id is None or visit.day not in build.iso.dates:
            continue
        day = build.day_of(visit.day)
        previous.append(sw.PreviousVisit(demand_id, staff_id, day, visit.start_minute))
        if visit.pinned:
            pins.append(sw.Pin(demand_id, staff_id, day))
    return pins, previous


def visit_staff(visit: Visit) -> StaffRef:
    if visit.staff_kind == "squad":
        assert visit.squad_id is not None  # the table's CHECK constraint
        return StaffRef("squad", visit.squad_id)
    assert visit.teacher_id is not None
    return StaffRef("teacher", visit.teacher_id)


def visit_demand(visit: Visit) -> DemandRef | None:
    if visit.need_id is not None:
        return DemandRef("need", visit.need_id)
    if visit.case_id is not None:
        return DemandRef("case", visit.case_id)
    return None
