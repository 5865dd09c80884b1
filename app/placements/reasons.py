"""The solver's reason codes in the bureau's language (the solver words them in English)."""

from __future__ import annotations

from typing import Any

from app.placements.schemas import ReasonOut

REASONS_ZH = {
    "seats_taken": "可去岗位的名额已被更优的匹配占用",
    "no_posts": "本学期没有可用岗位",
    "no_post_phase": "没有与其学段相符的岗位",
    "no_post_direction": "没有与其方向相符的岗位（城区学校→挂职，农村学校→轮岗）",
    "no_post_home_school": "可去的岗位只在本校",
    "no_post_last_host": "可去的岗位只在上学期任职的学校",
    "no_post_commute": "通勤距离内没有合适岗位",
    "no_post_bureau_limit": "教育局限定的离家距离内没有合适岗位",
    "candidates_placed_elsewhere": "可任此岗的人选都已安排到更优的岗位",
    "no_candidates": "本学期没有人选",
    "no_candidate_phase": "没有学段相符的人选",
    "no_candidate_direction": "没有方向相符的人选（挂职需城区人选，轮岗需农村人选）",
    "no_candidate_home_school": "唯一的人选就在本校任职",
    "no_candidate_last_host": "唯一的人选上学期已在此校",
    "no_candidate_commute": "通勤距离内没有合适人选",
    "no_candidate_bureau_limit": "教育局的距离限制使合适人选无法前往",
}


def reason_out(stored: dict[str, Any]) -> ReasonOut:
    code = str(stored["reason_code"])
    return ReasonOut(
        code=code,
        message=REASONS_ZH.get(code, "见英文说明"),
        message_en=str(stored["reason_en"]),
        related_post_ids=list(stored["related_post_ids"]),
        related_vice_principal_ids=list(stored["related_vice_principal_ids"]),
    )
