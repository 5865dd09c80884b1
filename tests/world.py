"""Builds a small county through the public API: one or two rows of every kind, and a
token for every role. Each call makes a new county, so tests never share rows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

# Every collection build_county puts a row into (World.ids keys).
WORLD_COLLECTIONS = (
    "counties",
    "townships",
    "schools",
    "squads",
    "teachers",
    "cases",
    "needs",
    "terms",
    "posts",
    "vice-principals",
    "closures",
)
SKILLS = ["合唱", "花样跳绳", "书法", "篮球", "心理辅导", "联校教研", "数学"]


@dataclass
class World:
    county_id: int
    code: str
    coordinator: dict[str, str]
    # one row id per collection path ("schools", "vice-principals", …)
    ids: dict[str, int] = field(default_factory=dict)
    # staff tokens by what they are bound to: squad, teacher, vice_principal
    staff: dict[str, dict[str, str]] = field(default_factory=dict)
    # the second psychology teacher and their case (for "another person's data")
    other_teacher_id: int = 0
    other_case_id: int = 0


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def created(client: TestClient, path: str, headers: dict[str, str], body: dict[str, Any]) -> int:
    response = client.post(f"/api/v1/{path}", json=body, headers=headers)
    assert response.status_code == 201, (path, response.text)
    return int(response.json()["id"])


def token(client: TestClient, admin: dict[str, str], **body: Any) -> dict[str, str]:
    response = client.post("/api/v1/tokens", json=body, headers=admin)
    assert response.status_code == 201, response.text
    return bearer(response.json()["secret"])


def visitor(code: str, name: str, skills: list[str]) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "skills": skills,
        "base_latitude": 38.93,
        "base_longitude": 100.45,
        "availability": [{"weekday": 2, "start": "08:00", "end": "17:30"}],
    }


def build_county(client: TestClient, admin: dict[str, str]) -> World:
    code = "X" + uuid.uuid4().hex[:8].upper()
    county_id = created(
        client, "counties", admin, {"code": code, "name": "测试县", "skills": SKILLS}
    )
    coordinator = token(client, admin, role="coordinator", county_id=county_id)
    world = World(county_id, code, coordinator)
    ids = world.ids

    def add(path: str, body: dict[str, Any]) -> int:
        return created(client, path, coordinator, body)

    ids["counties"] = county_id
    ids["townships"] = add(
        "townships", {"code": "T01", "name": "红柳滩镇", "latitude": 39.1, "longitude": 100.2}
    )
    school = {"township_id": ids["townships"], "latitude": 39.12, "longitude": 100.21}
    ids["schools"] = add(
        "schools", {"code": "S01", "name": "东湾教学点", "kind": "教学点", **school}
    )
    urban = add("schools", {"code": "S02", "name": "县第一小学", "kind": "urban", **school})
    ids["squads"] = add(
        "squads",
        {**visitor("SQ1", "合唱小分队", ["合唱"]), "paired_township_ids": [ids["townships"]]},
    )
    ids["teachers"] = add(
        "teachers", {**visitor("PT1", "王静", ["心理辅导"]), "role": "psychology"}
    )
    world.other_teacher_id = add(
        "teachers", {**visitor("PT2", "李敏", ["心理辅导"]), "role": "psychology"}
    )
    case = {"school_id": ids["schools"], "category": "留守儿童"}
    ids["cases"] = add("cases", {"code": "C-0001", "teacher_id": ids["teachers"], **case})
    world.other_case_id = add(
        "cases", {"code": "C-0002", "teacher_id": world.other_teacher_id, **case}
    )
    ids["needs"] = add(
        "needs", {"school_id": ids["schools"], "skill": "合唱", "valid_from": "2026-09-01"}
    )
    ids["terms"] = add(
        "terms",
        {
            "code": "2026-2",
            "name": "秋季学期",
            "start_date": "2026-09-01",
            "end_date": "2027-01-15",
        },
    )
    ids["posts"] = add(
        "posts",
        {
            "code": "P01",
            "term_id": ids["terms"],
            "host_school_id": ids["schools"],
            "direction": "secondment",
            "phase": "primary",
        },
    )
    ids["vice-principals"] = add(
        "vice-principals",
        {
            "code": "VP1",
            "name": "张伟",
            "home_school_id": urban,
            "phase": "primary",
            "subject": "数学",
            "preferences": [ids["posts"]],
        },
    )
    ids["closures"] = add(
        "closures", {"start_date": "2026-10-01", "end_date": "2026-10-07", "reason": "国庆节"}
    )
    for kind, path in (
        ("squad", "squads"),
        ("teacher", "teachers"),
        ("vice_principal", "vice-principals"),
    ):
        world.staff[kind] = token(
            client, admin, role="staff", county_id=county_id, staff_kind=kind, staff_id=ids[path]
        )
    return world
