"""Hand edits checked by the solver's own independent checker (solver/check.py).

The draft's visits become a solver Plan (each staff-day re-assembled by the solver, so
travel, arrival and lunch are computed the one way the solver computes them), the checker
recomputes every time and drive, and only what concerns the edited staff-days and the
edited need or case is reported: an older forced move elsewhere must not block this one.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.planning.instance import WeekBuild, visit_demand, visit_staff
from app.plans.models import Visit
from app.plans.schemas import Violation
from solver.week.assemble import staff_day
from solver.week.check import check_plan
from solver.week.index import WeekIndex
from solver.week.model import Placed
from solver.week.plan import Plan, StaffDay
from solver.week.report import kpis

MESSAGES: dict[str, str] = {
    "skill": "该人员不具备此技能",
    "case_teacher": "个案只能由其固定的心理教师负责",
    "wrong_school": "需求不属于该学校",
    "pairing": "小分队未对接该乡镇（硬性对接）",
    "duration": "时长与需求不符",
    "school_closed": "学校当天不开放",
    "school_hours": "超出学校作息时间",
    "school_lunch": "与学校午休时间冲突",
    "shift": "超出该人员当天的工作时间",
    "travel_time": "路程时间不够，无法按时到达或返回",
    "overlap": "与该人员当天的其他安排重叠",
    "max_travel": "超出该人员每日最长路程时间",
    "max_work": "超出该人员每日最长工作时间",
    "staff_lunch": "没有留出午餐时间",
    "too_many_sessions": "本周安排次数超过需求",
    "same_day_twice": "同一需求同一天安排了两次",
    "staff_unavailable": "该人员当天不工作",
    "unknown_demand": "该需求或个案本周已无效",
}


@dataclass
class Assembled:
    """The draft as solver staff-days, and which visit row is which session."""

    routes: dict[tuple[str, int], StaffDay]
    rows: dict[tuple[str, int], list[Visit]]
    problems: list[Violation]


def violation(kind: str, where: str, message_en: str) -> Violation:
    return Violation(
        kind=kind, where=where, message=MESSAGES.get(kind, "不可行"), message_en=message_en
    )


def assemble(build: WeekBuild, visits: Sequence[Visit]) -> Assembled:
    index = WeekIndex(dataclasses.replace(build.week, pins=(), previous=()))
    grouped: dict[tuple[str, int], list[tuple[Visit, str]]] = defaultdict(list)
    problems: list[Violation] = []
    for visit in visits:
        staff = build.staff_id_of(visit_staff(visit))
        ref = visit_demand(visit)
        demand = build.demand_id_of(ref) if ref is not None else None
        where = f"visit {visit.id}"
        if staff is None or visit.day not in build.iso.dates:
            problems.append(violation("staff_unavailable", where, "staff does not work that week"))
            continue
        if demand is None:
            problems.append(violation("unknown_demand", where, "need or case not valid"))
            continue
        grouped[(staff, build.day_of(visit.day))].append((visit, demand))
    routes: dict[tuple[str, int], StaffDay] = {}
    rows: dict[tuple[str, int], list[Visit]] = {}
    for (staff, day), members in grouped.items():
        members.sort(key=lambda m: (m[0].start_minute, m[0].id))
        if index.staff[staff].window(day) is None:
            where = f"{staff}@{day}"
            problems.append(violation("staff_unavailable", where, "staff does not work that day"))
            continue
        placed = [Placed(demand, visit.start_minute) for visit, demand in members]
        routes[(staff, day)] = staff_day(index, staff, day, placed, {})
        rows[(staff, day)] = [visit for visit, _ in members]
    return Assembled(routes, rows, problems)


def violations_for(
    build: WeekBuild, visits: Sequence[Visit], edited: Visit
) -> tuple[list[Violation], Assembled]:
    """What breaks in the draft ``visits`` (already edited) around ``edited``."""
    assembled = assemble(build, visits)
    index = WeekIndex(dataclasses.replace(build.week, pins=(), previous=()))
    routes = tuple(assembled.routes.values())
    plan = Plan("edited", routes, (), kpis(index, routes, 0.0), 0, 0, 0.0)
    staff = build.staff_id_of(visit_staff(edited))
    ref = visit_demand(edited)
    demand = build.demand_id_of(ref) if ref is not None else None
    day = build.day_of(edited.day) if edited.day in build.iso.dates else -1
    concerned = {f"{staff}@{day}", demand, f"visit {edited.id}"}
    found = [
        violation(v.kind, v.where, v.message)
        for v in check_plan(index.week, plan)
        if v.where in concerned
    ]
    found += [p for p in assembled.problems if p.where in concerned]
    return found, assembled


def retime(assembled: Assembled, keys: set[tuple[str, int]]) -> None:
    """Write arrival, leg and order from the re-assembled staff-days onto their rows."""
    for key in keys:
        route, rows = assembled.routes.get(key), assembled.rows.get(key, [])
        if route is None:
            continue
        sessions = [(block, k) for block in route.visits for k in range(len(block.sessions))]
        for sequence, (row, (block, k)) in enumerate(zip(rows, sessions, strict=True)):
            row.sequence = sequence
            row.arrival_minute = block.arrival if k == 0 else block.sessions[k - 1].end
            row.travel_minutes = block.travel_minutes if k == 0 else 0
