"""Templates carry the documented headers, an example, and drop-downs from the county's data."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from app.imports.columns import SHEETS
from tests.world import SKILLS, World


@pytest.mark.parametrize("entity", sorted(SHEETS))
def test_every_entity_has_a_template_with_both_header_rows_and_an_example(
    client: TestClient, county: World, entity: str
) -> None:
    response = client.get(f"/api/v1/templates/{entity}.xlsx", headers=county.coordinator)
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    fill, example, lists = workbook.worksheets
    spec = SHEETS[entity]
    assert [c.value for c in fill[1]] == [column.zh for column in spec.columns]
    assert [c.value for c in fill[2]] == [column.en for column in spec.columns]
    assert fill.freeze_panes == "A3" and fill.max_row <= 2 + 2000
    assert all(fill.cell(row=1, column=k + 1).comment for k in range(len(spec.columns)))
    assert example.cell(row=3, column=1).value is not None
    assert lists.sheet_state == "hidden"


def drop_down(client: TestClient, world: World, entity: str, header: str) -> list[str]:
    """The values offered in ``header``'s column, read back from the hidden list sheet."""
    response = client.get(f"/api/v1/templates/{entity}.xlsx", headers=world.coordinator)
    workbook = load_workbook(io.BytesIO(response.content))
    fill, _, lists = workbook.worksheets
    letter = next(c.column_letter for c in fill[1] if c.value == header)
    validation = next(
        v for v in fill.data_validations.dataValidation if str(v.sqref).startswith(f"{letter}3")
    )
    assert validation.type == "list"
    source = validation.formula1.split("!")[1].replace("$", "")
    return [str(c.value) for row in lists[source] for c in row]


def test_drop_downs_offer_school_kinds_skills_and_weekdays(
    client: TestClient, county: World
) -> None:
    assert drop_down(client, county, "schools", "学校类型") == [
        "教学点",
        "村小",
        "中心校",
        "初中",
        "城区学校",
    ]
    assert drop_down(client, county, "squads", "技能") == SKILLS  # the county's own vocabulary
    assert drop_down(client, county, "needs", "希望星期")[0] == "周一"
    assert drop_down(client, county, "availability", "星期")[-1] == "周日"


def test_the_example_row_of_the_template_imports_as_it_stands(
    client: TestClient, county: World
) -> None:
    response = client.get("/api/v1/templates/townships.xlsx", headers=county.coordinator)
    workbook = load_workbook(io.BytesIO(response.content))
    example = workbook.worksheets[1]
    workbook.remove(workbook.worksheets[0])  # the example sheet becomes the first one
    buffer = io.BytesIO()
    workbook.save(buffer)
    imported = client.post(
        "/api/v1/imports/townships",
        files={"file": ("t.xlsx", buffer.getvalue())},
        headers=county.coordinator,
    )
    assert imported.status_code == 200, imported.text
    assert imported.json()["rows"] == 1 and example.max_row == 3
