"""One error shape everywhere, and no input makes the service answer 500."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.world import World

SHAPE = {"code", "message", "message_en", "details"}


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == SHAPE and error["code"] == code
    assert error["message"] and error["message_en"]


def test_framework_errors_share_the_shape(client: TestClient, county: World) -> None:
    assert_error(client.get("/api/v1/nowhere"), 404, "not_found")
    assert_error(
        client.put("/api/v1/schools", headers=county.coordinator), 405, "method_not_allowed"
    )
    assert_error(
        client.get("/api/v1/schools", headers={"Authorization": "Bearer nope"}),
        401,
        "not_authenticated",
    )
    broken = client.post(
        "/api/v1/schools",
        content=b"{not json",
        headers={**county.coordinator, "Content-Type": "application/json"},
    )
    assert_error(broken, 422, "validation_failed")
    assert_error(
        client.get("/api/v1/schools/abc", headers=county.coordinator), 422, "validation_failed"
    )
    assert_error(
        client.get("/api/v1/schools?limit=0", headers=county.coordinator), 422, "validation_failed"
    )


def test_messages_are_in_chinese_and_english(client: TestClient, county: World) -> None:
    response = client.post("/api/v1/squads", json={"name": "x"}, headers=county.coordinator)
    details = {d["field"]: d for d in response.json()["error"]["details"]}
    assert details["body.code"]["message"] == "缺少必填字段"
    assert details["body.code"]["message_en"] == "Field required"


def test_skills_come_from_the_county_vocabulary(client: TestClient, county: World) -> None:
    url = f"/api/v1/squads/{county.ids['squads']}"
    response = client.patch(url, json={"skills": ["合唱", "冲浪"]}, headers=county.coordinator)
    assert_error(response, 422, "validation_failed")
    assert "冲浪" in response.json()["error"]["details"][0]["message"]
    # Adding the skill to the county's vocabulary makes the same write valid.
    county_url = f"/api/v1/counties/{county.county_id}"
    skills = client.get(county_url, headers=county.coordinator).json()["skills"]
    assert (
        client.patch(
            county_url, json={"skills": [*skills, "冲浪"]}, headers=county.coordinator
        ).status_code
        == 200
    )
    assert (
        client.patch(url, json={"skills": ["合唱", "冲浪"]}, headers=county.coordinator).status_code
        == 200
    )


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=10,
)
FIELDS = [
    "code",
    "name",
    "kind",
    "township_id",
    "latitude",
    "longitude",
    "pupils",
    "day_start",
    "closed_weekdays",
    "paired_school_id",
    "availability",
    "skills",
    "valid_from",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=8) | JSON)
def test_no_body_makes_a_500(client: TestClient, county: World, body: Any) -> None:
    for method, path in (
        ("POST", "/api/v1/schools"),
        ("POST", "/api/v1/squads"),
        ("PATCH", f"/api/v1/schools/{county.ids['schools']}"),
        ("POST", "/api/v1/needs"),
    ):
        response = client.request(method, path, json=body, headers=county.coordinator)
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            assert set(response.json()["error"]) == SHAPE


def test_a_skill_in_use_cannot_leave_the_vocabulary(client: TestClient, county: World) -> None:
    url = f"/api/v1/counties/{county.county_id}"
    response = client.patch(url, json={"skills": ["心理辅导"]}, headers=county.coordinator)
    assert_error(response, 422, "validation_failed")
    assert response.json()["error"]["details"][0]["field"] == "body.skills"
    assert "合唱" in response.json()["error"]["details"][0]["message"]
    assert "合唱" in client.get(url, headers=county.coordinator).json()["skills"]


def test_even_a_bug_answers_in_the_one_shape(database_url: str) -> None:
    from app.core.config import Settings
    from app.main import create_app

    app = create_app(Settings(database_url=database_url))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        assert_error(client.get("/boom"), 500, "internal_error")
    app.state.engine.dispose()
