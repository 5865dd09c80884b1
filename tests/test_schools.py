"""Schools: the issue's "Done when" cases, and the generic CRUD seen through one resource."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.world import World

VALID = {
    "code": "S99",
    "name": "西滩教学点",
    "kind": "teaching_point",
    "latitude": 39.0,
    "longitude": 100.3,
}


def school_body(world: World, **changes: Any) -> dict[str, Any]:
    return {**VALID, "township_id": world.ids["townships"], **changes}


def count_schools(client: TestClient, world: World) -> int:
    response = client.get("/api/v1/schools", headers=world.coordinator)
    return int(response.json()["total"])


def test_coordinator_lists_all_demo_schools_page_by_page(
    client: TestClient, admin: dict[str, str], demo_county_id: int
) -> None:
    from tests.world import token

    headers = token(client, admin, role="coordinator", county_id=demo_county_id)
    seen: list[int] = []
    offset = 0
    while True:
        page = client.get(f"/api/v1/schools?limit=40&offset={offset}", headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        offset += 40
        if offset >= page["total"]:
            break
    assert page["total"] >= 150
    assert len(seen) == page["total"] == len(set(seen))
    assert seen == sorted(seen)  # stable order by id across pages


def test_latitude_200_is_422_naming_the_field_and_writes_nothing(
    client: TestClient, county: World
) -> None:
    before = count_schools(client, county)
    response = client.post(
        "/api/v1/schools",
        json=school_body(county, latitude=200, township_id=999_999),
        headers=county.coordinator,
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert [d["field"] for d in error["details"]] == ["body.latitude"]
    assert error["details"][0]["message"] and error["details"][0]["message_en"]
    assert count_schools(client, county) == before


def test_unknown_township_is_422_naming_the_field_and_writes_nothing(
    client: TestClient, county: World, other_county: World
) -> None:
    before = count_schools(client, county)
    # Another county's township is as unknown here as a made-up id.
    for township_id in (999_999, other_county.ids["townships"]):
        response = client.post(
            "/api/v1/schools",
            json=school_body(county, township_id=township_id),
            headers=county.coordinator,
        )
        assert response.status_code == 422
        details = response.json()["error"]["details"]
        assert [d["field"] for d in details] == ["body.township_id"]
        assert "乡镇" in details[0]["message"] and "township" in details[0]["message_en"]
    assert count_schools(client, county) == before


def test_stale_if_match_is_412_and_the_row_keeps_its_values(
    client: TestClient, county: World
) -> None:
    url = f"/api/v1/schools/{county.ids['schools']}"
    first = client.get(url, headers=county.coordinator)
    etag = first.headers["ETag"]
    updated = client.patch(
        url, json={"pupils": 30}, headers={**county.coordinator, "If-Match": etag}
    )
    assert updated.status_code == 200
    assert updated.headers["ETag"] != etag
    stale = client.patch(url, json={"pupils": 5}, headers={**county.coordinator, "If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "precondition_failed"
    stale_delete = client.delete(url, headers={**county.coordinator, "If-Match": etag})
    assert stale_delete.status_code == 412
    assert client.get(url, headers=county.coordinator).json()["pupils"] == 30


def test_english_kind_alias_is_stored_as_the_bureau_says_it(
    client: TestClient, county: World
) -> None:
    response = client.post("/api/v1/schools", json=school_body(county), headers=county.coordinator)
    assert response.status_code == 201
    assert response.json()["kind"] == "教学点"
    listed = client.get("/api/v1/schools?kind=教学点&sort=-code", headers=county.coordinator)
    assert [s["code"] for s in listed.json()["items"]] == ["S99", "S01"]


def test_lunch_must_sit_inside_the_school_day(client: TestClient, county: World) -> None:
    body = school_body(county, lunch_start="12:00", lunch_end="11:00")
    response = client.post("/api/v1/schools", json=body, headers=county.coordinator)
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.lunch_end"]


def test_patch_is_validated_like_create(client: TestClient, county: World) -> None:
    url = f"/api/v1/schools/{county.ids['schools']}"
    for patch, field in (
        ({"day_start": "25:00"}, "body.day_start"),
        ({"closed_weekdays": [0]}, "body.closed_weekdays.0"),
        ({"left_behind_pupils": 10, "pupils": 5}, "body.left_behind_pupils"),
        ({"unknown": 1}, "body.unknown"),
    ):
        response = client.patch(url, json=patch, headers=county.coordinator)
        assert response.status_code == 422, patch
        assert field in [d["field"] for d in response.json()["error"]["details"]]


def test_duplicate_code_is_409(client: TestClient, county: World) -> None:
    body = school_body(county, code="S01")
    response = client.post("/api/v1/schools", json=body, headers=county.coordinator)
    assert response.status_code == 409
    assert response.json()["error"]["details"][0]["field"] == "body.code"


def test_delete_refuses_while_rows_depend_and_names_them(client: TestClient, county: World) -> None:
    url = f"/api/v1/townships/{county.ids['townships']}"
    response = client.delete(url, headers=county.coordinator)
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "has_dependents"
    fields = {d["field"] for d in error["details"]}
    assert fields == {"dependents.schools", "dependents.paired_squads"}
    assert any("S01" in d["message"] for d in error["details"])
    assert client.get(url, headers=county.coordinator).status_code == 200


def test_delete_without_dependents_removes_the_row(client: TestClient, county: World) -> None:
    url = f"/api/v1/closures/{county.ids['closures']}"
    assert client.delete(url, headers=county.coordinator).status_code == 204
    assert client.get(url, headers=county.coordinator).status_code == 404


def test_list_rejects_unknown_filters_and_sorts(client: TestClient, county: World) -> None:
    response = client.get("/api/v1/schools?kindd=x&sort=nope", headers=county.coordinator)
    assert response.status_code == 422
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert fields == {"query.kindd", "query.sort"}
