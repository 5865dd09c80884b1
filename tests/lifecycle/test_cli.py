"""`yuanjiao worker` and `yuanjiao export-week` as an operator runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.planning.weeks import parse_week
from solver.week.io import load_week

CLI = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
REPO = Path(__file__).resolve().parents[2]


def run(args: list[str], database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "YUANJIAO_DATABASE_URL": database_url}
    return subprocess.run(
        CLI + args, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_worker_explains_that_sqlite_solves_inside_serve(tmp_path: Path) -> None:
    result = run(["worker"], f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert result.returncode == 2
    assert "the embedded default runs the worker inside `yuanjiao serve`" in result.stderr


def test_export_week_writes_an_instance_the_solver_reads(
    tmp_path: Path, database_url: str, demo_county_id: int
) -> None:
    out = tmp_path / "week.json"
    result = run(
        ["export-week", "--county", "QCX", "--week", "2026-W48", "-o", str(out)], database_url
    )
    assert result.returncode == 0, result.stderr
    week = load_week(out)
    assert len(week.days) == 7 and week.days[0].label == parse_week("2026-W48").monday.isoformat()
    assert week.staff and week.needs and week.cases and week.travel is not None
    bad = run(["export-week", "--county", "QCX", "--week", "2026-48"], database_url)
    assert bad.returncode == 2 and "2026-W48" in bad.stderr


def test_the_committed_demo_week_is_a_valid_instance() -> None:
    week = load_week(REPO / "docs" / "examples" / "demo-week.json")
    assert len(week.staff) > 20 and len(week.schools) > 100
