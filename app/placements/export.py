"""A term's placements as a printable workbook: the placements, who stayed unplaced and why,
which posts stayed open and why, and the itemised objective. Every sheet is print-ready
(the shared A4 helpers of app/spreadsheets/styling.py)."""

from __future__ import annotations

import io

from openpyxl import Workbook

from app.placements.schemas import TermPlacementsOut
from app.spreadsheets.styling import titled_table

STATUS_ZH = {"draft": "草稿", "published": "已发布"}


def placements_workbook(plan: TermPlacementsOut) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    version = plan.version
    caption = (
        f"第 {version.number} 版 {STATUS_ZH[version.status]} {version.status} v{version.number}"
        f" — 已安排 {len(plan.placements)} / {plan.candidate_count} 人"
    )
    heading = f"{plan.term.name} 副校长挂职/轮岗安排"
    first.title = "安排 placements"
    titled_table(
        first,
        heading,
        caption,
        [
            "副校长",
            "原单位",
            "方向",
            "岗位",
            "接收学校",
            "距离（公里）",
            "志愿",
            "学科对口",
            "锁定",
        ],
        (
            [
                f"{p.vice_principal.code} {p.vice_principal.name}",
                p.home_school.name,
                p.direction,
                p.post.code,
                p.host_school.name,
                p.distance_km,
                p.preference_rank if p.preference_rank is not None else "",
                "是" if p.subject_fit else "",
                "是" if p.locked else "",
            ]
            for p in plan.placements
        ),
    )
    titled_table(
        workbook.create_sheet("未安排 unplaced"),
        f"{plan.term.name} 未安排的副校长",
        caption,
        ["副校长", "原因", "reason"],
        (
            [
                f"{u.vice_principal.code} {u.vice_principal.name}",
                u.reason.message,
                u.reason.message_en,
            ]
            for u in plan.unplaced
        ),
    )
    titled_table(
        workbook.create_sheet("空缺岗位 unfilled"),
        f"{plan.term.name} 空缺岗位",
        caption,
        ["岗位", "学校", "空缺名额", "原因", "reason"],
        (
            [u.post.code, u.host_school.name, u.open_seats, u.reason.message, u.reason.message_en]
            for u in plan.unfilled
        ),
    )
    proof = "已证明最优" if plan.optimal else f"未证明最优，差距 {plan.gap_percent:.2f}%"
    titled_table(
        workbook.create_sheet("目标 objective"),
        f"{plan.term.name} 目标分项",
        f"{caption}；总分 {plan.objective}（{proof}）",
        ["分项 term", "权重 weight", "数量 amount", "得分 points"],
        ([t.name, t.weight, t.amount, t.points] for t in plan.terms),
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
