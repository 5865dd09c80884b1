"""The demo county's week (seed/, 祁川县) as a Week: the example instance of docs/examples.

    .venv/bin/python -m solver.week.demo > docs/examples/week-demo.json

The seed package is plain records (no web, no database); this only renames its fields into
the solver's. Monday to Friday become days 0–4; travel is left to the great-circle estimate
with the county's own detour factor and road speed (the app passes a road matrix instead).
"""

from __future__ import annotations

import sys

from seed import demo, records
from solver.week.instance import (
    Availability,
    Base,
    Case,
    Day,
    Lunch,
    Need,
    PairingMode,
    School,
    SchoolKind,
    Staff,
    StaffKind,
    Week,
)
from solver.week.io import dump_week

KINDS = {
    "教学点": SchoolKind.TEACHING_POINT,
    "村小": SchoolKind.VILLAGE,
    "中心校": SchoolKind.CENTRAL,
    "初中": SchoolKind.JUNIOR,
    "城区学校": SchoolKind.URBAN,
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
# The seed gives a lunch length only; staff eat between 11:30 and 13:30.
LUNCH_EARLIEST, LUNCH_LATEST = 11 * 60 + 30, 13 * 60 + 30


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def _staff(visitor: records.Visitor, kind: StaffKind, townships: tuple[str, ...]) -> Staff:
    return Staff(
        id=visitor.code,
        kind=kind,
        base=f"base-{visitor.code}",
        skills=frozenset(visitor.skills),
        availability=tuple(
            Availability(s.weekday - 1, minutes(s.start), minutes(s.end))
            for s in visitor.availability
            if 1 <= s.weekday <= len(WEEKDAYS)
        ),
        max_work_minutes=visitor.max_work_minutes,
        max_travel_minutes=visitor.max_travel_minutes,
        lunch=Lunch(LUNCH_EARLIEST, LUNCH_LATEST, visitor.lunch_minutes)
        if visitor.lunch_minutes
        else None,
        townships=frozenset(townships),
    )


def _school(s: records.School) -> School:
    return School(
        id=s.code,
        township=s.township_code,
        kind=KINDS[s.kind],
        lat=s.latitude,
        lon=s.longitude,
        pupils=s.pupils,
        left_behind=s.left_behind_pupils,
        opens=minutes(s.day_start),
        closes=minutes(s.day_end),
        lunch_start=minutes(s.lunch_start),
        lunch_end=minutes(s.lunch_end),
        closed_days=frozenset(d - 1 for d in s.closed_weekdays if 1 <= d <= len(WEEKDAYS)),
    )


def demo_week(county: records.County) -> Week:
    staff = [_staff(q, StaffKind.SQUAD, q.paired_township_codes) for q in county.squads]
    staff += [_staff(t, StaffKind(t.role), ()) for t in county.teachers]
    needs = tuple(
        Need(
            id=f"{n.school_code}-{n.skill}",
            school=n.school_code,
            skill=n.skill,
            sessions=n.sessions_per_week,
            minutes=n.minutes,
            priority=n.priority,
            preferred_days=frozenset(d - 1 for d in n.preferred_weekdays),
        )
        for n in county.needs
    )
    cases = tuple(
        Case(c.code, c.school_code, c.teacher_code, c.sessions_per_week, c.minutes)
        for c in county.cases
    )
    visitors = (*county.squads, *county.teachers)
    return Week(
        days=tuple(Day(d) for d in WEEKDAYS),
        bases=tuple(Base(f"base-{v.code}", v.base_latitude, v.base_longitude) for v in visitors),
        staff=tuple(staff),
        schools=tuple(_school(s) for s in county.schools),
        needs=needs,
        cases=cases,
        pairing=PairingMode(county.pairing_mode),
        detour=county.detour_factor,
        speed_kmh=county.road_speed_kmh,
    )


if __name__ == "__main__":
    sys.stdout.write(dump_week(demo_week(demo.generate())) + "\n")
