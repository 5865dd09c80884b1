"""`python -m solver placement` and the JSON layout it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from solver.__main__ import main
from solver.placement.json_io import instance_from_dict, weights_from_dict
from solver.placement.model import Direction

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "placement_term.json"


def test_example_solves_checks_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["placement", str(EXAMPLE), "--seconds", "5"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["check"] == "ok"
    assert out["placed_count"] == len(out["placements"]) > 0
    assert all(u["reason"]["message"] for u in out["unplaced"] + out["unfilled"])


def test_withdraw_option_reports_moves(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    leaving = data["candidates"][1]["id"]
    assert main(["placement", str(EXAMPLE), "--seconds", "5", "--withdraw", leaving]) == 0
    out = json.loads(capsys.readouterr().out)
    assert leaving not in {p["candidate"] for p in out["placements"]}
    assert out["moved_count"] <= 2


def test_chinese_direction_names_and_weight_overrides() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    instance = instance_from_dict(data)
    assert {p.direction for p in instance.posts} == {Direction.GUAZHI, Direction.LUNGANG}
    assert weights_from_dict({"moved": 7}).moved == 7
    with pytest.raises(TypeError):
        weights_from_dict({"no_such_weight": 1})
