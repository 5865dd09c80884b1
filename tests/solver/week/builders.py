"""Small hand-made weeks: schools on a line east of the base, one minute of driving per km."""

from __future__ import annotations

from solver.routing import SearchLimits
from solver.week.check import check_plan
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
    TravelMatrix,
    Week,
)
from solver.week.plan import Plan
from solver.week.solve import solve_week

# Deterministic and cheap: one search, a bounded number of accepted solutions.
LIMITS = SearchLimits(seconds=None, iterations=80, workers=1)
LUNCH = Lunch(11 * 60 + 30, 13 * 60, 45)


def school(
    sid: str,
    km: int,
    township: str = "T1",
    kind: SchoolKind = SchoolKind.VILLAGE,
    closed_days: frozenset[int] = frozenset(),
    pupils: int = 0,
    left_behind: int = 0,
) -> tuple[School, int]:
    made = School(
        id=sid,
        township=township,
        kind=kind,
        lat=0.0,
        lon=0.0,
        pupils=pupils,
        left_behind=left_behind,
        closed_days=closed_days,
    )
    return made, km


def staff(
    sid: str,
    skills: set[str],
    days: int = 2,
    kind: StaffKind = StaffKind.SQUAD,
    lunch: Lunch | None = LUNCH,
    townships: frozenset[str] = frozenset(),
    max_work: int = 360,
    max_travel: int = 300,
) -> Staff:
    return Staff(
        id=sid,
        kind=kind,
        base="base",
        skills=frozenset(skills),
        availability=tuple(Availability(d, 8 * 60, 17 * 60 + 30) for d in range(days)),
        max_work_minutes=max_work,
        max_travel_minutes=max_travel,
        lunch=lunch,
        townships=townships,
    )


def need(
    nid: str,
    school_id: str,
    skill: str = "choir",
    sessions: int = 1,
    minutes: int = 60,
    priority: int = 1,
    carry_over: int = 0,
    preferred_days: frozenset[int] = frozenset(),
) -> Need:
    return Need(nid, school_id, skill, sessions, minutes, priority, preferred_days, carry_over)


def week(
    schools: list[tuple[School, int]],
    members: list[Staff],
    needs: list[Need] | None = None,
    cases: list[Case] | None = None,
    days: int = 2,
    pairing: PairingMode = PairingMode.SOFT,
) -> Week:
    where = {"base": 0, **{s.id: km for s, km in schools}}
    ids = tuple(where)
    minutes = tuple(tuple(abs(where[a] - where[b]) for b in ids) for a in ids)
    return Week(
        days=tuple(Day(f"d{d}") for d in range(days)),
        bases=(Base("base", 0.0, 0.0),),
        staff=tuple(members),
        schools=tuple(s for s, _ in schools),
        needs=tuple(needs or ()),
        cases=tuple(cases or ()),
        travel=TravelMatrix(ids, minutes),
        pairing=pairing,
    )


def solve_checked(
    instance: Week, limits: SearchLimits = LIMITS, seed: int = 0, decomposition: str = "auto"
) -> Plan:
    """Every plan the suite produces goes through the independent checker."""
    plan = solve_week(instance, limits, seed, decomposition)
    assert check_plan(instance, plan) == []
    return plan
