"""Whatever arrives, the answer is a clear 4xx in zh-CN and English, never a 500."""

from __future__ import annotations

import os
import zipfile
from io import BytesIO

import pytest
from fastapi.testclient import TestClient

from tests.imports.sheets import csv_text, upload, xlsx
from tests.world import World

TOWNSHIP_ROWS = [["乡镇代码", "乡镇名称", "纬度", "经度"], ["T51", "沙井子镇", 39.01, 100.1]]


def error_of(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body["error"]) >= {"code", "message", "message_en", "details"}
    assert body["error"]["message"] and body["error"]["message_en"]
    return body["error"]  # type: ignore[no-any-return]


def broken_xlsx() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types>not really</Types>")
        archive.writestr("xl/workbook.xml", "garbage")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "filename", "status", "code"),
    [
        (b"PK\x03\x04" + os.urandom(2000), "学校.xlsx", 422, "unreadable_file"),
        (broken_xlsx(), "学校.xlsx", 422, "unreadable_file"),
        (xlsx(TOWNSHIP_ROWS)[:3000], "truncated.xlsx", 422, "unreadable_file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500),
            "photo.csv",
            415,
            "unsupported_file",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.xls", 415, "unsupported_file"),
        (b"", "empty.csv", 422, "empty"),
        (b" \r\n", "blank.csv", 422, "empty"),
        (csv_text([["乡镇代码", "乡镇名称"]]).encode(), "header.csv", 422, "no_rows"),
        (xlsx([]), "blank.xlsx", 422, "empty"),
    ],
)
def test_unusable_files_get_a_clear_4xx(
    client: TestClient, county: World, content: bytes, filename: str, status: int, code: str
) -> None:
    response = upload(client, "townships", county.coordinator, content, filename)
    assert response.status_code == status, response.text
    assert error_of(response)["code"] == code


def test_a_50_mb_upload_is_refused_before_it_is_parsed(client: TestClient, county: World) -> None:
    content = b"a,b\n" + b"1,2\n" * (50 * 1024 * 1024 // 4)
    response = upload(client, "townships", county.coordinator, content, "huge.csv")
    assert response.status_code == 413
    assert error_of(response)["code"] == "file_too_large"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8", "utf-16"])
def test_csv_in_the_encodings_excel_and_wps_write(
    client: TestClient, county: World, encoding: str
) -> None:
    content = csv_text(TOWNSHIP_ROWS).encode(encoding)
    response = upload(client, "townships", county.coordinator, content, "乡镇.csv")
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 1
    stored = client.get("/api/v1/townships", params={"code": "T51"}, headers=county.coordinator)
    assert stored.json()["items"][0]["name"] == "沙井子镇"


def test_unknown_columns_are_reported_not_dropped(client: TestClient, county: World) -> None:
    rows = [
        ["乡镇代码", "乡镇名称", "纬度", "经度", "备注"],
        ["T52", "新坝镇", 39.0, 100.0, "山区"],
    ]
    response = upload(client, "townships", county.coordinator, xlsx(rows, "乡镇"))
    assert response.status_code == 200, response.text
    (warning,) = response.json()["warnings"]
    assert (warning["sheet"], warning["row"], warning["column"], warning["field"]) == (
        "乡镇",
        1,
        "备注",
        "乡镇!E1",
    )
    assert "备注" in warning["message"] and "unknown column" in warning["message_en"]


def test_a_sheet_without_its_key_column_or_with_a_repeated_header_is_refused(
    client: TestClient, county: World
) -> None:
    no_code = upload(client, "townships", county.coordinator, xlsx([["乡镇名称"], ["新坝镇"]]))
    assert no_code.status_code == 422
    assert "乡镇代码" in error_of(no_code)["details"][0]["message"]  # type: ignore[index]
    twice = [["乡镇代码", "code", "乡镇名称"], ["T53", "T53", "新坝镇"]]
    repeated = upload(client, "townships", county.coordinator, xlsx(twice))
    assert repeated.status_code == 422
    assert error_of(repeated)["details"][0]["column"] == "code"  # type: ignore[index]


def test_every_bad_row_is_listed_and_nothing_is_written(client: TestClient, county: World) -> None:
    rows = [
        ["code", "name", "latitude", "longitude"],
        ["T61", "甲镇", 39.0, 100.0],
        ["T62", "", 39.0, 100.0],
        ["T63", "丙镇", "北纬39", 100.0],
        ["", "", "", ""],
        ["T 64", "丁镇", 39.0, 200.0],
        ["T61", "甲镇", 39.0, 100.0],
    ]
    response = upload(client, "townships", county.coordinator, csv_text(rows).encode(), "t.csv")
    assert response.status_code == 422
    details = error_of(response)["details"]
    cells = [(d["row"], d["column"]) for d in details]  # type: ignore[union-attr]
    assert cells == [
        (3, "name"),
        (4, "latitude"),
        (6, "code"),
        (6, "longitude"),
        (7, "code"),
    ]
    assert "4 行" in error_of(response)["message"]  # type: ignore[operator]
    listed = client.get("/api/v1/townships", params={"code": "T61"}, headers=county.coordinator)
    assert listed.json()["total"] == 0


def test_a_workbook_that_unpacks_to_gigabytes_is_refused(client: TestClient, county: World) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<c/>" * (64 * 1024 * 1024))
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    response = upload(client, "townships", county.coordinator, buffer.getvalue(), "bomb.xlsx")
    assert response.status_code == 413
    assert error_of(response)["code"] == "file_too_large"
