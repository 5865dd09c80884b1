"""Each entity's sheet goes through the service's own rules and upserts by the county's codes."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.imports.sheets import csv_text, upload, xlsx
from tests.world import World


def rows_of(client: TestClient, world: World, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/{path}", params=params, headers=world.coordinator)
    return response.json()["items"]  # type: ignore[no-any-return]


def counts(response: Any) -> tuple[int, int, int]:
    assert response.status_code == 200, response.text
    body = response.json()
    return body["created"], body["updated"], body["unchanged"]


SCHOOLS = [
    [
        "学校代码",
        "学校名称",
        "类型",
        "乡镇代码",
        "纬度",
        "经度",
        "休息日",
        "对口学校代码",
        "上课时间",
    ],
    ["K01", "城关一小", "城区学校", "T01", 38.93, 100.45, "周六、周日", "K02", "8:00"],
    ["K02", "石岗墩教学点", "teaching_point", "T01", 39.2, 100.3, "6,7", "", "08:30"],
    ["K03", "西洞村小", "村小", "T01", 39.25, 100.35, "星期日", "", "08:30"],
]


def test_an_edited_sheet_changes_only_what_changed(client: TestClient, county: World) -> None:
    me = county.coordinator
    assert counts(upload(client, "schools", me, xlsx(SCHOOLS))) == (3, 0, 0)
    k01, k02, k03 = (rows_of(client, county, "schools", code=c)[0] for c in ("K01", "K02", "K03"))
    assert k01["paired_school_id"] == k02["id"]  # a pairing with a row of the same sheet
    assert (k01["closed_weekdays"], k03["closed_weekdays"]) == ([6, 7], [7])
    assert (k01["day_start"], k02["kind"]) == ("08:00", "教学点")
    edited = [row[:] for row in SCHOOLS]
    edited[3][1] = "西洞村小学"
    assert counts(upload(client, "schools", me, xlsx(edited))) == (0, 1, 2)
    after = {c: rows_of(client, county, "schools", code=c)[0] for c in ("K01", "K02", "K03")}
    assert after["K03"]["name"] == "西洞村小学"
    assert after["K03"]["version"] == k03["version"] + 1
    assert (after["K01"]["version"], after["K02"]["version"]) == (k01["version"], k02["version"])


def test_a_partial_sheet_updates_its_columns_and_keeps_the_rest(
    client: TestClient, county: World
) -> None:
    me = county.coordinator
    assert counts(upload(client, "schools", me, xlsx(SCHOOLS)))[0] == 3
    partial = [["学校代码", "学生数", "留守儿童数"], ["K02", 25, 12], ["K03", 3, 9]]
    refused = upload(client, "schools", me, xlsx(partial))
    assert refused.status_code == 422
    (detail,) = refused.json()["error"]["details"]
    assert (detail["row"], detail["column"]) == (3, "留守儿童数")  # the service's own rule
    partial[2] = ["K03", 30, 9]
    assert counts(upload(client, "schools", me, xlsx(partial))) == (0, 2, 0)
    k02 = rows_of(client, county, "schools", code="K02")[0]
    assert (k02["pupils"], k02["left_behind_pupils"], k02["name"]) == (25, 12, "石岗墩教学点")


def test_squads_lists_skills_and_paired_townships(client: TestClient, county: World) -> None:
    me = county.coordinator
    rows = [
        ["小分队代码", "小分队名称", "技能", "驻地纬度", "驻地经度", "对接乡镇代码"],
        ["SQ1", "合唱小分队", "合唱、书法", 38.93, 100.45, "T01"],
        ["SQ7", "篮球队", "篮球;花样跳绳", 38.9, 100.4, ""],
    ]
    assert counts(upload(client, "squads", me, csv_text(rows).encode("gb18030"), "s.csv")) == (
        1,
        1,
        0,
    )
    sq1 = rows_of(client, county, "squads", code="SQ1")[0]
    assert sq1["skills"] == ["合唱", "书法"]
    # Availability is not a column of this sheet, so it stays as it was.
    assert sq1["availability"] == [{"weekday": 2, "start": "08:00", "end": "17:30"}]
    assert rows_of(client, county, "squads", code="SQ7")[0]["skills"] == ["篮球", "花样跳绳"]
    rows.append(["SQ8", "舞蹈队", "舞蹈 街舞", 38.9, 100.4, "T01、T99"])
    refused = upload(client, "squads", me, xlsx(rows))
    problems = sorted((d["column"], d["message_en"]) for d in refused.json()["error"]["details"])
    assert problems == [
        ("对接乡镇代码", "paired_township_codes: no township with code T99 in this county"),
        ("技能", "skills: '舞蹈' is not in the county's skill vocabulary"),
        ("技能", "skills: '街舞' is not in the county's skill vocabulary"),
    ]


def test_teachers_and_cases_follow_the_service_rules(client: TestClient, county: World) -> None:
    me = county.coordinator
    teachers = [
        ["教师代码", "姓名", "教师类别", "技能", "驻地纬度", "驻地经度", "所在学校代码"],
        ["PT9", "赵老师", "心理健康教师", "心理辅导", 38.93, 100.45, "S02"],
        ["BT1", "钱老师", "骨干教师", "数学", 38.93, 100.45, ""],
    ]
    assert counts(upload(client, "teachers", me, xlsx(teachers))) == (2, 0, 0)
    assert rows_of(client, county, "teachers", code="PT9")[0]["role"] == "psychology"
    cases = [
        ["个案编码", "学校代码", "教师代码", "个案类别", "是否在案"],
        ["C-0101", "S01", "PT9", "留守儿童", "是"],
        ["C-0102", "S01", "BT1", "学业压力", "否"],
        ["王小明", "S01", "PT9", "其他", "是"],
    ]
    refused = upload(client, "cases", me, xlsx(cases))
    assert refused.status_code == 422
    details = refused.json()["error"]["details"]
    assert [(d["row"], d["column"]) for d in details] == [(3, "教师代码"), (4, "个案编码")]
    assert "psychology teacher" in details[0]["message_en"]
    assert "王小明" not in str(refused.json())  # a child's name is never echoed back
    fixed = [*cases[:2], [*cases[2][:2], "PT9", *cases[2][3:]]]
    assert counts(upload(client, "cases", me, xlsx(fixed))) == (2, 0, 0)
    assert rows_of(client, county, "cases", code="C-0102")[0]["active"] is False


def test_needs_upsert_by_school_activity_and_start(client: TestClient, county: World) -> None:
    me = county.coordinator
    rows = [
        ["学校代码", "活动", "每周次数", "希望星期", "优先级", "开始日期", "结束日期"],
        ["S01", "合唱", 2, "周二、星期四", 5, "2026-09-01", "2027/1/15"],
        ["S01", "书法", 1, "Mon", 3, "2026/9/1", ""],
    ]
    assert counts(upload(client, "needs", me, xlsx(rows))) == (1, 1, 0)
    chorus = rows_of(client, county, "needs", skill="合唱")[0]
    assert (chorus["preferred_weekdays"], chorus["valid_to"]) == ([2, 4], "2027-01-15")
    assert counts(upload(client, "needs", me, xlsx(rows))) == (0, 0, 2)
    rows.append(["S01", "合唱", 1, "周八", 3, "2026-09-01", ""])
    refused = upload(client, "needs", me, xlsx(rows))
    details = refused.json()["error"]["details"]
    assert [(d["row"], d["column"]) for d in details] == [(4, "希望星期")]
    assert "周八" in details[0]["message"]


def test_availability_replaces_each_named_persons_windows(
    client: TestClient, county: World
) -> None:
    me = county.coordinator
    rows = [
        ["人员代码", "星期", "开始时间", "结束时间"],
        ["SQ1", "周四", "13:00", "17:30"],
        ["SQ1", "星期二", "08:00", "12:00"],
        ["PT1", "Wed", "8:00", "17:30"],
    ]
    assert counts(upload(client, "availability", me, xlsx(rows))) == (0, 2, 0)
    squad = rows_of(client, county, "squads", code="SQ1")[0]
    assert squad["availability"] == [
        {"weekday": 2, "start": "08:00", "end": "12:00"},
        {"weekday": 4, "start": "13:00", "end": "17:30"},
    ]
    assert counts(upload(client, "availability", me, xlsx(rows))) == (0, 0, 2)
    rows += [["PT2", "周五", "17:00", "09:00"], ["XX9", "周一", "08:00", "09:00"]]
    refused = upload(client, "availability", me, xlsx(rows))
    details = refused.json()["error"]["details"]
    assert sorted(d["row"] for d in details) == [5, 6]
    assert any("start must be before end" in d["message_en"] for d in details)
