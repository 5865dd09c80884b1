"""The demo county's week: the example in docs/examples stays in step with seed/, and solves."""

import json
from pathlib import Path

from seed import demo
from solver.__main__ import main
from solver.week.demo import demo_week
from solver.week.io import to_json

EXAMPLE = Path(__file__).parents[3] / "docs" / "examples" / "week-demo.json"


def test_example_instance_is_the_demo_county() -> None:
    assert json.loads(EXAMPLE.read_text()) == to_json(demo_week(demo.generate()))


def test_week_command_solves_the_demo_county(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert main(["week", str(EXAMPLE), "--seconds", "6", "-o", str(out)]) == 0
    plan = json.loads(out.read_text())
    assert plan["status"] == "feasible"
    assert plan["kpis"]["sessions_placed"] > 0.75 * plan["kpis"]["sessions_requested"]
