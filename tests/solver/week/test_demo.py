"""The demo county's week (written by `yuanjiao export-week`) solves from the command line."""

import json
from pathlib import Path

from solver.__main__ import main
from solver.week.explain import REASONS

EXAMPLE = Path(__file__).parents[3] / "docs" / "examples" / "demo-week.json"


def test_week_command_solves_the_demo_county(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    # Exit code 0: the independent checker found no violation.
    assert main(["week", str(EXAMPLE), "--seconds", "10", "-o", str(out)]) == 0
    plan = json.loads(out.read_text())
    assert plan["status"] == "feasible"
    # How much fits in 10 s depends on the machine's load; that something does, and that
    # every session left out has a reason, does not.
    assert plan["kpis"]["sessions_placed"] > 0
    missing = sum(u["sessions"] for u in plan["unplaced"])
    assert plan["kpis"]["sessions_placed"] + missing == plan["kpis"]["sessions_requested"]
    assert {u["reason"] for u in plan["unplaced"]} <= set(REASONS)
