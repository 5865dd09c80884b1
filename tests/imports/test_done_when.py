"""Issue 3's scenario: template → fill in Chinese → one bad row → fix → import → re-import."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.imports.sheets import fill_template, upload
from tests.world import World

HEADERS = ["学校代码", "学校名称", "学校类型", "乡镇代码", "纬度", "经度"]


def school_rows(bad: bool) -> list[list[object]]:
    rows: list[list[object]] = [
        [f"N{i:02d}", f"沙河村小学{i}", "村小", "T01", 39.10 + i / 100, 100.30] for i in range(1, 6)
    ]
    rows.append(["N06", "马莲井教学点", "教学点", "T01", 39.2 if not bad else 91, 100.31])
    return rows


def test_template_fill_bad_row_fix_import_reimport(client: TestClient, county: World) -> None:
    me = county.coordinator
    template = client.get("/api/v1/templates/schools.xlsx", headers=me)
    assert template.status_code == 200
    sheet = load_workbook(io.BytesIO(template.content)).worksheets[0]
    assert [c.value for c in sheet[1]][:6] == HEADERS
    before = client.get("/api/v1/schools", headers=me).json()["total"]

    # One bad row: latitude 91 is outside China. Nothing may be written.
    refused = upload(client, "schools", me, fill_template(template.content, school_rows(True)))
    assert refused.status_code == 422, refused.text
    details = refused.json()["error"]["details"]
    assert [(d["row"], d["column"]) for d in details] == [(8, "纬度")]
    assert details[0]["field"].endswith("!E8")
    assert "不能大于" in details[0]["message"] and "less than or equal" in details[0]["message_en"]
    assert client.get("/api/v1/schools", headers=me).json()["total"] == before

    fixed = fill_template(template.content, school_rows(False))
    dry = upload(client, "schools", me, fixed, dry_run=True)
    assert dry.json()["created"] == 6 and dry.json()["dry_run"] is True
    assert client.get("/api/v1/schools", headers=me).json()["total"] == before

    done = upload(client, "schools", me, fixed)
    assert done.status_code == 200, done.text
    assert (done.json()["created"], done.json()["updated"], done.json()["unchanged"]) == (6, 0, 0)
    assert client.get("/api/v1/schools", headers=me).json()["total"] == before + 6
    stored = client.get("/api/v1/schools", params={"code": "N06"}, headers=me).json()["items"][0]
    assert (stored["name"], stored["kind"], stored["township_id"]) == (
        "马莲井教学点",
        "教学点",
        county.ids["townships"],
    )

    again = upload(client, "schools", me, fixed)
    assert (again.json()["created"], again.json()["updated"], again.json()["unchanged"]) == (
        0,
        0,
        6,
    )
    assert (
        client.get("/api/v1/schools", params={"code": "N06"}, headers=me).json()["items"][0][
            "version"
        ]
        == stored["version"]
    )
