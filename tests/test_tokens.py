"""Tokens: random secrets shown once, stored only as SHA-256 hashes; the CLI issues them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.core.config import get_settings
from app.tokens.models import ApiToken
from tests.world import World, bearer


@pytest.fixture
def cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("YUANJIAO_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_only_the_hash_is_stored(
    client: TestClient, admin: dict[str, str], county: World, session: Session
) -> None:
    response = client.post(
        "/api/v1/tokens", json={"role": "coordinator", "county_id": county.county_id}, headers=admin
    )
    secret = response.json()["secret"]
    stored = session.scalars(select(ApiToken.secret_sha256)).all()
    assert hashlib.sha256(secret.encode()).hexdigest() in stored
    assert secret not in stored
    listed = client.get("/api/v1/tokens", headers=admin).text
    assert secret not in listed


def test_revoked_tokens_stop_working(
    client: TestClient, admin: dict[str, str], county: World
) -> None:
    created = client.post(
        "/api/v1/tokens", json={"role": "coordinator", "county_id": county.county_id}, headers=admin
    ).json()
    headers = bearer(created["secret"])
    assert client.get("/api/v1/schools", headers=headers).status_code == 200
    assert client.delete(f"/api/v1/tokens/{created['id']}", headers=admin).status_code == 200
    assert client.get("/api/v1/schools", headers=headers).status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "admin", "county_id": 1}, "body.county_id"),
        ({"role": "coordinator"}, "body.county_id"),
        ({"role": "staff", "county_id": -1}, "body.county_id"),
        ({"role": "root"}, "body.role"),
    ],
)
def test_token_bindings_are_validated(
    client: TestClient, admin: dict[str, str], body: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/tokens", json=body, headers=admin)
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == field


def test_staff_token_must_bind_a_person_of_its_county(
    client: TestClient, admin: dict[str, str], county: World, other_county: World
) -> None:
    body = {
        "role": "staff",
        "county_id": county.county_id,
        "staff_kind": "teacher",
        "staff_id": other_county.ids["teachers"],
    }
    response = client.post("/api/v1/tokens", json=body, headers=admin)
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.staff_id"


def test_cli_prints_a_working_token_as_its_last_line(
    cli_database: str,
    client: TestClient,
    county: World,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(
            [
                "token",
                "create",
                "--role",
                "staff",
                "--county",
                county.code,
                "--staff",
                "teacher:PT1",
            ]
        )
        == 0
    )
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    me = client.get("/api/v1/me", headers=bearer(secret)).json()
    assert me["staff_kind"] == "teacher" and me["profile"]["id"] == county.ids["teachers"]

    assert main(["token", "create", "--role", "admin"]) == 0
    admin_secret = capsys.readouterr().out.strip().splitlines()[-1]
    assert client.get("/api/v1/tokens", headers=bearer(admin_secret)).status_code == 200


def test_cli_refuses_a_person_from_nowhere(
    cli_database: str, county: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["token", "create", "--role", "staff", "--county", county.code, "--staff", "squad:NOPE"]
    )
    assert code == 2
    assert "NOPE" in capsys.readouterr().err
