"""A week's plan as a printable workbook and as CSV, built from the plan's visits.

Sheets: one per day (the coordinator's overview), one per squad or teacher (their week),
one per visited school (who comes when — the page a headmaster pins to the wall). Every
sheet is print-ready: fitted columns, frozen bold header repeated on each page, A4
landscape fitted to one page wide.

Psychology case codes appear on the day and staff sheets (the coordinator's export) but
never on a school's sheet, which is meant for a public wall: there a case visit reads
"心理辅导（一对一）".
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.plans.schemas import VisitOut
from app.spreadsheets.styling import titled_table

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
ONE_TO_ONE = "心理辅导（一对一）"
# The solver names the psychology demand by its English key; people read the Chinese.
SKILL_NAMES = {"psychology": "心理辅导"}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class PlanExport:
    week: str  # 2026-W48
    version: str  # "第 3 版 已发布 published v3"
    visits: Sequence[VisitOut]
    addresses: dict[int, str]  # school id → address, for the staff sheets


def plan_workbook(plan: PlanExport, schools_only: bool = False) -> bytes:
    workbook = Workbook()
    default = workbook.active
    assert default is not None
    workbook.remove(default)
    names: set[str] = set()
    if not schools_only:
        for day, visits in _grouped(plan.visits, lambda v: v.date.isoformat()):
            title = f"{WEEKDAYS[visits[0].weekday - 1]} {day}"
            _day_sheet(workbook.create_sheet(_sheet_name(title, names)), plan, title, visits)
        for _, visits in _grouped(plan.visits, lambda v: f"{v.staff_kind}:{v.staff_code}"):
            first = visits[0]
            title = f"{first.staff_code} {first.staff_name}"
            sheet = workbook.create_sheet(_sheet_name(title, names))
            _staff_sheet(sheet, plan, title, visits)
    for _, visits in _grouped(plan.visits, lambda v: v.school_code):
        title = f"{visits[0].school_code} {visits[0].school_name}"
        _school_sheet(workbook.create_sheet(_sheet_name(title, names)), plan, visits)
    if not workbook.worksheets:
        sheet = workbook.create_sheet("无安排 empty")
        sheet["A1"] = f"{plan.week} 没有安排任何来访 / no visits planned"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CSV_HEADERS = (
    ("周次", "week"),
    ("日期", "date"),
    ("星期", "weekday"),
    ("人员代码", "staff_code"),
    ("人员", "staff_name"),
    ("顺序", "sequence"),
    ("学校代码", "school_code"),
    ("学校名称", "school_name"),
    ("到达", "arrival"),
    ("开始", "start"),
    ("结束", "end"),
    ("活动", "skill"),
    ("个案编码", "case_code"),
    ("路程（分钟）", "travel_minutes"),
    ("已锁定", "pinned"),
    ("补课", "carried_over"),
)


def plan_csv(plan: PlanExport) -> bytes:
    """UTF-8 with BOM, so Excel and WPS open the Chinese text correctly by double-click."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([zh for zh, _ in CSV_HEADERS])
    for v in _ordered(plan.visits):
        writer.writerow(
            [
                plan.week,
                v.date.isoformat(),
                WEEKDAYS[v.weekday - 1],
                v.staff_code,
                v.staff_name,
                v.sequence + 1,
                v.school_code,
                v.school_name,
                v.arrival,
                v.start,
                v.end,
                SKILL_NAMES.get(v.skill, v.skill),
                v.case_code or "",
                v.travel_minutes,
                "是" if v.pinned else "",
                "是" if v.carried_over else "",
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _ordered(visits: Iterable[VisitOut]) -> list[VisitOut]:
    return sorted(visits, key=lambda v: (v.date, v.staff_code, v.sequence, v.start))


def _grouped(
    visits: Sequence[VisitOut], key: Callable[[VisitOut], str]
) -> list[tuple[str, list[VisitOut]]]:
    groups: dict[str, list[VisitOut]] = defaultdict(list)
    for visit in _ordered(visits):
        groups[key(visit)].append(visit)
    return sorted(groups.items())


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_NAME_FORBIDDEN.sub("_", title).strip("'")[:31] or "sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _activity(visit: VisitOut, show_case: bool) -> str:
    skill = SKILL_NAMES.get(visit.skill, visit.skill)
    if visit.case_code is None:
        return skill
    return f"{skill}（个案 {visit.case_code}）" if show_case else ONE_TO_ONE


def _notes(visit: VisitOut) -> str:
    marks = ["已锁定" if visit.pinned else "", "补课" if visit.carried_over else ""]
    return "、".join(mark for mark in marks if mark)


def _day_sheet(sheet: Worksheet, plan: PlanExport, title: str, visits: list[VisitOut]) -> None:
    titled_table(
        sheet,
        f"{plan.week} {title} 援教安排",
        plan.version,
        ["人员", "顺序", "学校", "到达", "开始", "结束", "活动", "路程（分钟）", "备注"],
        (
            [
                f"{v.staff_code} {v.staff_name}",
                v.sequence + 1,
                f"{v.school_code} {v.school_name}",
                v.arrival,
                v.start,
                v.end,
                _activity(v, show_case=True),
                v.travel_minutes,
                _notes(v),
            ]
            for v in visits
        ),
    )


def _staff_sheet(sheet: Worksheet, plan: PlanExport, title: str, visits: list[VisitOut]) -> None:
    titled_table(
        sheet,
        f"{title} {plan.week} 本周行程",
        plan.version,
        ["日期", "星期", "顺序", "学校", "地址", "到达", "开始", "结束", "活动", "路程（分钟）"],
        (
            [
                v.date.isoformat(),
                WEEKDAYS[v.weekday - 1],
                v.sequence + 1,
                f"{v.school_code} {v.school_name}",
                plan.addresses.get(v.school_id, ""),
                v.arrival,
                v.start,
                v.end,
                _activity(v, show_case=True),
                v.travel_minutes,
            ]
            for v in visits
        ),
    )


def _school_sheet(sheet: Worksheet, plan: PlanExport, visits: list[VisitOut]) -> None:
    school = visits[0].school_name
    titled_table(
        sheet,
        f"{school} {plan.week} 援教来访安排",
        f"谁、什么时候来 — {plan.version}",
        ["日期", "星期", "时间", "来访人员", "活动"],
        (
            [
                v.date.isoformat(),
                WEEKDAYS[v.weekday - 1],
                f"{v.start}–{v.end}",
                v.staff_name,
                _activity(v, show_case=False),
            ]
            for v in visits
        ),
    )
