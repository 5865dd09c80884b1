"""Load a week's plan version for export, through the plans slice's own reads."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exports.plan import PlanExport
from app.planning.weeks import IsoWeek
from app.plans import service as plans
from app.plans.present import Names, visit_out
from app.schools.models import School

STATUS = {"draft": "草稿 draft", "published": "已发布 published"}


def plan_export(session: Session, county_id: int, week: IsoWeek, number: int | None) -> PlanExport:
    plan = plans.version(session, county_id, week, number)
    names = Names.load(session, county_id)
    visits = [visit_out(visit, names) for visit in plans.visits(session, plan)]
    addresses = {
        school_id: address
        for school_id, address in session.execute(
            select(School.id, School.address).where(School.county_id == county_id)
        )
    }
    label = f"第 {plan.number} 版 {STATUS.get(plan.status, plan.status)} v{plan.number}"
    return PlanExport(week.label, label, visits, addresses)
