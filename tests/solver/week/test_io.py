"""JSON round trips, the schemas in docs/schemas/, and the tiny instance in tests/solver/data."""

import json
from pathlib import Path

import jsonschema
import pytest

from solver.week.generate import CountySpec, generate_county
from solver.week.instance import Week
from solver.week.io import dump_plan, dump_week, from_json, load_plan, load_week, to_json
from tests.solver.week.builders import solve_checked

ROOT = Path(__file__).parents[3]
SCHEMAS = ROOT / "docs" / "schemas"
TINY = ROOT / "tests" / "solver" / "data" / "week-tiny.json"


def schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    return loaded


def test_week_round_trips_through_json() -> None:
    week = generate_county(CountySpec(schools=12, squads=2, cases=4), seed=5)
    assert from_json(Week, json.loads(dump_week(week))) == week


def test_instance_and_plan_match_their_schemas() -> None:
    week = load_week(TINY)
    jsonschema.validate(json.loads(TINY.read_text()), schema("week-instance"))
    jsonschema.validate(to_json(week), schema("week-instance"))
    plan = solve_checked(week)
    jsonschema.validate(json.loads(dump_plan(plan)), schema("week-plan"))
    assert load_plan(dump_plan(plan)) == plan


def test_unknown_fields_are_refused() -> None:
    data = json.loads(TINY.read_text())
    data["schools"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        from_json(Week, data)
