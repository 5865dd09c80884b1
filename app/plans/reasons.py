"""Why a session is not in the plan, in the coordinator's two languages.

The solver names the reason (solver.week.explain.REASONS) and adds an English detail; this
module adds the zh-CN sentence and swaps solver ids for the rows behind them.
"""

from __future__ import annotations

from typing import Any

from app.planning.instance import WeekBuild
from solver.week.plan import Unplaced

REASONS: dict[str, tuple[str, str]] = {
    "no_skill": ("没有人具备所需技能（个案：其心理教师本周不可用）", "nobody has the skill"),
    "not_paired": ("对接该乡镇的小分队都不具备该技能", "no squad paired with the township has it"),
    "closed": ("学校在可派人员的工作日均不开放", "the school is closed on every workable day"),
    "out_of_reach": (
        "在学校作息和人员工作时间内无法往返",
        "no one can get there and back within school hours and their day",
    ),
    "outranked": (
        "有人可以前往，但当天已安排更优先的访问",
        "staff could have come but spent the day on higher priorities",
    ),
}


def describe_unplaced(build: WeekBuild, unplaced: Unplaced) -> dict[str, Any]:
    demand = build.demands.get(unplaced.demand)
    zh, en = REASONS.get(unplaced.reason, ("未能安排", "not scheduled"))
    return {
        "demand_kind": demand.kind if demand else None,
        "need_id": demand.id if demand and demand.kind == "need" else None,
        "case_id": demand.id if demand and demand.kind == "case" else None,
        "case_code": build.case_codes.get(unplaced.demand),
        "skill": build.skills.get(unplaced.demand),
        "school_id": build.schools.get(unplaced.school),
        "school_code": unplaced.school,
        "sessions_missing": unplaced.sessions,
        "reason": unplaced.reason,
        "message": zh,
        "message_en": en,
        "detail": unplaced.detail,
        "competitors": list(unplaced.competitors),
    }
