"""Children's data: pseudonymous codes only; a psychology teacher reads only their cases."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.cases.privacy import looks_identifying
from tests.world import World


def case_body(world: World, **changes: object) -> dict[str, object]:
    return {
        "code": "C-0100",
        "school_id": world.ids["schools"],
        "teacher_id": world.ids["teachers"],
        "category": "留守儿童",
        **changes,
    }


@pytest.mark.parametrize(
    "code",
    ["张三", "欧阳娜娜", "110101200001011234", "11010120000101123X", "C 0001", "C--1", "-C1"],
)
def test_identifying_or_malformed_codes_are_refused(
    client: TestClient, county: World, code: str
) -> None:
    response = client.post(
        "/api/v1/cases", json=case_body(county, code=code), headers=county.coordinator
    )
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.code"]
    assert code not in response.text  # errors never echo a child's name back


@pytest.mark.parametrize("field", ["name", "child_name", "id_number", "note"])
def test_unknown_fields_on_a_case_are_refused(
    client: TestClient, county: World, field: str
) -> None:
    body = case_body(county, **{field: "王小明"})
    response = client.post("/api/v1/cases", json=body, headers=county.coordinator)
    assert response.status_code == 422
    assert f"body.{field}" in [d["field"] for d in response.json()["error"]["details"]]
    listed = client.get("/api/v1/cases?code=C-0100", headers=county.coordinator)
    assert listed.json()["total"] == 0


def test_patch_cannot_smuggle_an_id_number_into_a_case(client: TestClient, county: World) -> None:
    url = f"/api/v1/cases/{county.ids['cases']}"
    response = client.patch(url, json={"code": "620702201001011234"}, headers=county.coordinator)
    assert response.status_code == 422
    assert client.get(url, headers=county.coordinator).json()["code"] == "C-0001"


def test_detector_allows_codes_and_categories() -> None:
    assert not looks_identifying("C-0001")
    assert not looks_identifying("12345")
    assert looks_identifying("李雷")
    assert looks_identifying("ID 620702201001011234 here")


def test_a_case_stays_with_a_psychology_teacher(client: TestClient, county: World) -> None:
    studio = client.post(
        "/api/v1/teachers",
        json={
            "code": "ST1",
            "name": "赵刚",
            "role": "studio",
            "skills": ["联校教研"],
            "base_latitude": 38.9,
            "base_longitude": 100.4,
        },
        headers=county.coordinator,
    ).json()["id"]
    response = client.post(
        "/api/v1/cases", json=case_body(county, teacher_id=studio), headers=county.coordinator
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.teacher_id"


def test_psychology_teacher_reads_only_their_own_cases(client: TestClient, county: World) -> None:
    staff = county.staff["teacher"]
    listed = client.get("/api/v1/cases", headers=staff).json()
    assert [c["id"] for c in listed["items"]] == [county.ids["cases"]]
    assert {c["teacher_id"] for c in listed["items"]} == {county.ids["teachers"]}
    own = client.get(f"/api/v1/cases/{county.ids['cases']}", headers=staff)
    assert own.status_code == 200
    other = client.get(f"/api/v1/cases/{county.other_case_id}", headers=staff)
    assert other.status_code == 404
    everyone = client.get("/api/v1/cases", headers=county.coordinator).json()
    assert everyone["total"] == 2


def test_staff_cannot_write_cases_or_read_other_collections(
    client: TestClient, county: World
) -> None:
    staff = county.staff["teacher"]
    url = f"/api/v1/cases/{county.ids['cases']}"
    assert client.patch(url, json={"minutes": 50}, headers=staff).status_code == 403
    assert (
        client.get(f"/api/v1/teachers/{county.other_teacher_id}", headers=staff).status_code == 403
    )
    assert client.get("/api/v1/cases", headers=county.staff["squad"]).status_code == 403
