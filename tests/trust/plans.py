"""A week's plan written straight into the database: what a finished solve leaves behind."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.planning.weeks import parse_week
from app.plans.models import PlanVersion, Visit
from tests.world import World

WEEK = "2026-W48"


def plan_with_case_visit(
    session: Session, county: World, status: str = "draft", week: str = WEEK
) -> PlanVersion:
    """Version 1 of ``week``: the county's psychology teacher sees case C-0001 on Tuesday."""
    plan = PlanVersion(county_id=county.county_id, week=week, number=1, status=status)
    session.add(plan)
    session.flush()
    session.add(
        Visit(
            plan_version_id=plan.id,
            county_id=county.county_id,
            staff_kind="teacher",
            teacher_id=county.ids["teachers"],
            day=parse_week(week).dates[1],
            school_id=county.ids["schools"],
            case_id=county.ids["cases"],
            case_code="C-0001",
            skill="心理辅导",
            start_minute=600,
            end_minute=640,
            arrival_minute=590,
        )
    )
    session.commit()
    return plan
