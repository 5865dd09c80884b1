"""`python -m solver week` solves the tiny instance, writes a plan and checks it."""

import json
from pathlib import Path

import pytest

from solver.__main__ import main

TINY = Path(__file__).parents[2] / "solver" / "data" / "week-tiny.json"


def test_week_command_writes_a_checked_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.json"
    code = main(["week", str(TINY), "--iterations", "50", "--workers", "1", "-o", str(out)])
    assert code == 0
    plan = json.loads(out.read_text())
    assert plan["status"] == "feasible"
    assert plan["kpis"]["sessions_placed"] == 6
    # Two cases at one teaching point on one day form one visit block.
    (pt_day,) = [r for r in plan["routes"] if r["staff"] == "PT01"]
    assert [len(v["sessions"]) for v in pt_day["visits"]] == [2]
    assert "VIOLATION" not in capsys.readouterr().err
