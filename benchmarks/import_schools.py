"""Spreadsheet import: a 5,000-row schools .xlsx through ``POST /api/v1/imports/schools``.

    .venv/bin/python benchmarks/import_schools.py [--rows 5000] [--format xlsx|csv]
                                                  [--database-url URL]

Builds a fresh database by the migrations (a temp SQLite file unless ``--database-url`` names
an empty PostgreSQL database), a county with 20 townships, and a workbook of ``--rows``
schools with every column filled in Chinese; then times, over real HTTP handling (TestClient,
multipart upload included): the dry run, the first import (all created) and the re-import
(all unchanged). Prints rows, seconds and rows/s for each.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import Workbook

from app.core.config import Settings
from app.core.migrations import upgrade
from app.imports.columns import SCHOOLS
from app.main import create_app
from app.tokens.service import issue

KINDS = ("教学点", "村小", "中心校", "初中", "城区学校")


def school_rows(rows: int, seed: int = 1) -> list[list[Any]]:
    rng = random.Random(seed)
    table: list[list[Any]] = [[column.zh for column in SCHOOLS.columns]]
    for i in range(rows):
        pupils = rng.randint(5, 900)
        table.append(
            [
                f"B{i:05d}",
                f"第{i}号村小学",
                rng.choice(KINDS),
                f"T{i % 20:02d}",
                round(38.9 + rng.uniform(-0.4, 0.4), 5),
                round(100.4 + rng.uniform(-0.5, 0.5), 5),
                f"某乡某村{i}社",
                pupils,
                rng.randint(0, pupils),
                "08:30",
                "17:00",
                "12:00",
                "14:00",
                "周六、周日",
                f"B{i - 1:05d}" if i % 50 == 1 else None,
            ]
        )
    return table


def upload_file(rows: int, kind: str) -> bytes:
    """openpyxl writes inline strings, the slowest .xlsx to parse (Excel and WPS share them)."""
    table = school_rows(rows)
    if kind == "csv":
        text = io.StringIO()
        csv.writer(text).writerows(table)
        return text.getvalue().encode("gb18030")  # what Chinese Excel saves by default
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for values in table:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def county(client: TestClient, admin: dict[str, str]) -> dict[str, str]:
    body = {"code": "BENCH", "name": "测速县", "skills": ["合唱"]}
    county_id = client.post("/api/v1/counties", json=body, headers=admin).json()["id"]
    token = client.post(
        "/api/v1/tokens", json={"role": "coordinator", "county_id": county_id}, headers=admin
    ).json()["secret"]
    me = {"Authorization": f"Bearer {token}"}
    for t in range(20):
        township = {"code": f"T{t:02d}", "name": f"第{t}镇", "latitude": 39.0, "longitude": 100.4}
        assert client.post("/api/v1/townships", json=township, headers=me).status_code == 201
    return me


def timed(client: TestClient, me: dict[str, str], content: bytes, name: str, dry_run: bool) -> Any:
    began = time.perf_counter()
    response = client.post(
        "/api/v1/imports/schools",
        params={"dry_run": str(dry_run).lower()},
        files={"file": (name, content, "application/octet-stream")},
        headers=me,
    )
    seconds = time.perf_counter() - began
    assert response.status_code == 200, response.text[:2000]
    return response.json(), seconds


def run(rows: int, kind: str, database_url: str) -> None:
    upgrade(database_url)
    app = create_app(Settings(database_url=database_url))
    with app.state.sessions() as session:
        admin = {"Authorization": f"Bearer {issue(session, 'admin', label='bench').secret}"}
    client = TestClient(app)
    me = county(client, admin)
    began = time.perf_counter()
    content = upload_file(rows, kind)
    built = time.perf_counter() - began
    print(f"{kind}: {rows} rows, {len(content) / 1024:.0f} KiB, built in {built:.2f} s")
    print(f"{'run':<10} {'rows':>6} {'seconds':>8} {'rows/s':>8}  created/updated/unchanged")
    for name, dry_run in (("dry run", True), ("import", False), ("re-import", False)):
        report, seconds = timed(client, me, content, f"学校.{kind}", dry_run)
        counts = f"{report['created']}/{report['updated']}/{report['unchanged']}"
        print(f"{name:<10} {report['rows']:>6} {seconds:>8.2f} {rows / seconds:>8.0f}  {counts}")
    app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--database-url", help="an empty database; default: temp SQLite")
    args = parser.parse_args()
    if args.database_url:
        run(args.rows, args.format, args.database_url)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(args.rows, args.format, f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")


if __name__ == "__main__":
    main()
