"""A solver Plan → a new draft ``PlanVersion`` with its visits (the caller commits).

Also the copy a published version gets when someone edits it: published rows are never
changed, so an edit goes to a fresh draft that starts as an exact copy.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.planning.instance import WeekBuild
from app.plans.models import PlanVersion, Visit
from app.plans.reasons import describe_unplaced
from solver.week.io import to_json
from solver.week.plan import Plan


def next_number(session: Session, county_id: int, week: str) -> int:
    latest = session.scalar(
        select(func.max(PlanVersion.number)).where(
            PlanVersion.county_id == county_id, PlanVersion.week == week
        )
    )
    return (latest or 0) + 1


def write_plan(
    session: Session,
    build: WeekBuild,
    plan: Plan,
    solve_id: int | None,
    token_id: int | None,
) -> PlanVersion:
    version = PlanVersion(
        county_id=build.county_id,
        week=build.iso.label,
        number=next_number(session, build.county_id, build.iso.label),
        status="draft",
        solve_id=solve_id,
        solver_status=plan.status,
        kpis=solver_kpis(build, plan),
        unscheduled=[describe_unplaced(build, u) for u in plan.unplaced],
        created_by_token_id=token_id,
    )
    session.add(version)
    session.flush()
    for route in plan.routes:
        staff = build.staff[route.staff]
        sequence = 0
        for block in route.visits:
            previous_end: int | None = None
            for session_ in block.sessions:
                demand = build.demands[session_.demand]
                first = previous_end is None
                session.add(
                    Visit(
                        plan_version_id=version.id,
                        county_id=build.county_id,
                        staff_kind=staff.kind,
                        squad_id=staff.id if staff.kind == "squad" else None,
                        teacher_id=staff.id if staff.kind == "teacher" else None,
                        day=build.iso.dates[route.day],
                        school_id=build.schools[block.school],
                        need_id=demand.id if demand.kind == "need" else None,
                        case_id=demand.id if demand.kind == "case" else None,
                        skill=build.skills[session_.demand],
                        case_code=build.case_codes.get(session_.demand),
                        start_minute=session_.start,
                        end_minute=session_.end,
                        arrival_minute=block.arrival if first else (previous_end or 0),
                        travel_minutes=block.travel_minutes if first else 0,
                        sequence=sequence,
                        pinned=session_.pinned,
                        carried_over=session_.carry_over,
                        forced_violations=[],
                    )
                )
                previous_end = session_.end
                sequence += 1
    session.flush()
    return version


def solver_kpis(build: WeekBuild, plan: Plan) -> dict[str, Any]:
    """The solver's KPIs plus travel per staff member by name (the balance a coordinator
    checks), the run's status and effort."""
    kpis: dict[str, Any] = to_json(plan.kpis)
    travel: dict[str, int] = {}
    for route in plan.routes:
        travel[route.staff] = travel.get(route.staff, 0) + route.travel_minutes
    kpis["travel_by_staff"] = [
        {
            "staff_kind": build.staff[key].kind,
            "staff_id": build.staff[key].id,
            "name": build.staff_names[key],
            "minutes": minutes,
        }
        for key, minutes in sorted(travel.items(), key=lambda kv: -kv[1])
    ]
    kpis["teaching_points_unvisited"] = [
        build.schools[code] for code in plan.kpis.teaching_points_unvisited
    ]
    kpis["solver"] = {
        "status": plan.status,
        "seed": plan.seed,
        "iterations": plan.iterations,
        "elapsed_seconds": plan.elapsed_seconds,
    }
    return kpis


def copy_version(
    session: Session, source: PlanVersion, token_id: int | None
) -> tuple[PlanVersion, dict[int, Visit]]:
    """A new draft identical to ``source``, flushed, and which new visit copies which old."""
    copy = PlanVersion(
        county_id=source.county_id,
        week=source.week,
        number=next_number(session, source.county_id, source.week),
        status="draft",
        solve_id=source.solve_id,
        copied_from_id=source.id,
        solver_status=source.solver_status,
        edits=source.edits,
        kpis=dict(source.kpis),
        unscheduled=list(source.unscheduled),
        created_by_token_id=token_id,
    )
    session.add(copy)
    session.flush()
    skip = {"id", "plan_version_id"}
    copies: dict[int, Visit] = {}
    for visit in session.scalars(
        select(Visit).where(Visit.plan_version_id == source.id).order_by(Visit.id)
    ):
        fields = {c.key: getattr(visit, c.key) for c in Visit.__table__.columns}
        values = {k: v for k, v in fields.items() if k not in skip}
        copies[visit.id] = Visit(plan_version_id=copy.id, **values)
        session.add(copies[visit.id])
    session.flush()
    return copy, copies
