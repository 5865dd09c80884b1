"""Build upload files the way coordinators do: fill a template, or write a CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def fill_template(template: bytes, rows: Sequence[Sequence[Any]]) -> bytes:
    """Type ``rows`` into the template's first sheet from row 3, as a person would."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=3 + offset, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx(rows: Sequence[Sequence[Any]], title: str = "Sheet1") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for values in rows:
        sheet.append(list(values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def upload(
    client: TestClient,
    entity: str,
    headers: dict[str, str],
    content: bytes,
    filename: str = "sheet.xlsx",
    dry_run: bool = False,
) -> Any:
    return client.post(
        f"/api/v1/imports/{entity}",
        params={"dry_run": str(dry_run).lower()},
        files={"file": (filename, content, XLSX if filename.endswith("xlsx") else "text/csv")},
        headers=headers,
    )
