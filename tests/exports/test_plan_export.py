"""The demo week's plan as xlsx and csv: opens in openpyxl, prints on A4, hides case codes
from the school sheets; and LibreOffice renders it (skipped where it is not installed)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from app.planning.instance import build_week
from app.planning.weeks import parse_week
from app.plans.writer import write_plan
from solver.routing import SearchLimits
from solver.week.solve import solve_week

# Not the week other suites solve for the shared demo county: they count its versions.
WEEK = "2026-W51"


@pytest.fixture(scope="module")
def demo_plan(app: FastAPI, demo_county_id: int) -> Iterator[int]:
    """A draft of the demo week, solved for a few seconds and written by the plans slice."""
    with app.state.sessions() as session:
        build = build_week(session, demo_county_id, parse_week(WEEK))
        plan = solve_week(build.week, SearchLimits(seconds=20, workers=1), seed=1)
        write_plan(session, build, plan, None, None)
        session.commit()
    yield demo_county_id


def get(
    client: TestClient, admin: dict[str, str], county_id: int, path: str, **params: object
) -> bytes:
    headers = {**admin, "X-County-Id": str(county_id)}
    response = client.get(f"/api/v1/weeks/{WEEK}/{path}", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.content


def test_xlsx_has_day_staff_and_school_sheets_ready_to_print(
    client: TestClient, admin: dict[str, str], demo_plan: int
) -> None:
    workbook = load_workbook(io.BytesIO(get(client, admin, demo_plan, "plan.xlsx")))
    names = workbook.sheetnames
    assert names[0].startswith("周")  # day sheets first
    assert any(name.startswith("SQ") or name.startswith("PT") for name in names)
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A4"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
        headers = [cell.value for cell in sheet[3]]
        assert all(headers), sheet.title
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[3]]
        assert all(w and w >= 6 for w in widths), sheet.title


def test_case_codes_reach_the_coordinator_but_not_the_school_wall(
    client: TestClient, admin: dict[str, str], demo_plan: int
) -> None:
    workbook = load_workbook(io.BytesIO(get(client, admin, demo_plan, "plan.xlsx")))
    text_of = {
        sheet.title: " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
        for sheet in workbook.worksheets
    }
    rows = list(
        csv.reader(io.StringIO(get(client, admin, demo_plan, "plan.csv").decode("utf-8-sig")))
    )
    case_codes = {row[12] for row in rows[1:] if row[12]}
    assert case_codes, "the demo week has psychology sessions"
    day_text = " ".join(text for title, text in text_of.items() if title.startswith("周"))
    assert any(code in day_text for code in case_codes)
    schools_only = load_workbook(
        io.BytesIO(get(client, admin, demo_plan, "plan.xlsx", schools_only="true"))
    )
    wall = " ".join(
        str(c)
        for sheet in schools_only.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c
    )
    assert "心理辅导（一对一）" in wall
    assert not any(code in wall for code in case_codes)


def test_csv_is_one_visit_a_row_with_chinese_headers(
    client: TestClient, admin: dict[str, str], demo_plan: int
) -> None:
    content = get(client, admin, demo_plan, "plan.csv")
    assert content.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["周次", "日期", "星期", "人员代码"]
    assert len(rows) > 10 and all(row[0] == WEEK for row in rows[1:])


def test_a_week_without_a_plan_is_a_404(
    client: TestClient, admin: dict[str, str], demo_plan: int
) -> None:
    headers = {**admin, "X-County-Id": str(demo_plan)}
    response = client.get("/api/v1/weeks/2026-W30/plan.xlsx", headers=headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "no_plan"


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (libreoffice-calc) and poppler-utils are not installed",
)
def test_libreoffice_renders_the_plan_on_a4_landscape(
    client: TestClient, admin: dict[str, str], demo_plan: int, tmp_path: Path
) -> None:
    source = tmp_path / "plan.xlsx"
    source.write_bytes(get(client, admin, demo_plan, "plan.xlsx"))
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "plan.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split("x"))
    assert (round(width), round(height)) == (842, 595), size  # A4 landscape in points
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (png,) = tmp_path.glob("page*.png")
    assert png.stat().st_size > 5_000  # a page with a table on it, not a blank one
