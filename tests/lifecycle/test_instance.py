"""The database → solver week mapping: who works which day, what is wanted, carry-over."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.planning.instance import build_week
from app.planning.refs import DemandRef
from app.planning.weeks import parse_week
from app.plans.models import PlanVersion, Visit
from solver.week.instance import PSYCHOLOGY, StaffKind
from tests.world import World

W48 = parse_week("2026-W48")


def test_staff_days_needs_and_cases_come_from_the_county(session: Session, county: World) -> None:
    build = build_week(session, county.county_id, W48)
    week = build.week
    assert [d.label for d in week.days][:2] == ["2026-11-23", "2026-11-24"]
    squad = next(s for s in week.staff if s.kind == StaffKind.SQUAD)
    # Availability is Tuesday 08:00–17:30 only: ISO weekday 2 → day index 1.
    assert [(a.day, a.start, a.end) for a in squad.availability] == [(1, 480, 1050)]
    assert squad.townships == {"T01"}
    assert [n.skill for n in week.needs] == ["合唱"]
    assert {c.code for c in week.cases} == {"C-0001", "C-0002"}
    assert all(build.skills[c.code] == PSYCHOLOGY for c in week.cases)
    assert week.travel is not None and set(week.travel.locations) >= {"S01"}
    assert build.demands[week.needs[0].id] == DemandRef("need", county.ids["needs"])


def test_a_county_closure_removes_everyone_from_those_days(
    client: TestClient, session: Session, county: World
) -> None:
    body = {"start_date": "2026-11-24", "end_date": "2026-11-24", "reason": "教研活动"}
    assert client.post("/api/v1/closures", json=body, headers=county.coordinator).is_success
    week = build_week(session, county.county_id, W48).week
    assert all(not s.availability for s in week.staff)
    assert all(1 in school.closed_days for school in week.schools)


def test_needs_outside_their_validity_are_left_out(session: Session, county: World) -> None:
    before = build_week(session, county.county_id, parse_week("2026-W30")).week
    assert before.needs == ()  # the need starts on 2026-09-01


def test_carry_over_counts_sessions_missed_in_published_weeks_of_the_term(
    session: Session, county: World
) -> None:
    need_id = county.ids["needs"]
    # Week 47 was published with nothing for the need; week 46 delivered it.
    for number, label, delivered in ((1, "2026-W47", False), (1, "2026-W46", True)):
        plan = PlanVersion(
            county_id=county.county_id, week=label, number=number, status="published"
        )
        session.add(plan)
        session.flush()
        if delivered:
            session.add(
                Visit(
                    plan_version_id=plan.id,
                    county_id=county.county_id,
                    staff_kind="squad",
                    squad_id=county.ids["squads"],
                    day=date(2026, 11, 10),
                    school_id=county.ids["schools"],
                    need_id=need_id,
                    skill="合唱",
                    start_minute=600,
                    end_minute=660,
                    arrival_minute=590,
                )
            )
    # An unpublished draft of week 45 counts for nothing.
    session.add(PlanVersion(county_id=county.county_id, week="2026-W45", number=1))
    session.commit()
    build = build_week(session, county.county_id, W48)
    need = next(n for n in build.week.needs if build.demands[n.id] == DemandRef("need", need_id))
    assert need.carry_over == 1
    # Cases: W47 and W46 delivered nothing for either case.
    assert {c.code: c.carry_over for c in build.week.cases} == {"C-0001": 2, "C-0002": 2}
