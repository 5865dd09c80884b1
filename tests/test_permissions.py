"""Every route declares a permission rule, and the authorization matrix derived from the
route table holds: role × endpoint × own county / another county / another person.

Refusals (401, 403) follow from the rule alone, so they are checked on every route. For
the routes whose rows tests/world.py builds (the CRUD collections, tokens, me) the matrix
also checks the allowed cells exactly: 200 for reads, and writes stopped by an empty body
or a stale If-Match before they change anything; another county's row is a 404. Routes
added by later issues get the rule-derived cells, with harmless path values."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.fields import MAX_ID
from app.core.security import Role, StaffKind
from app.main import create_app
from tests.routes import Endpoint, endpoints, non_api_paths
from tests.world import WORLD_COLLECTIONS, World, build_county

# The route table does not depend on the database, so an unconnected app can list it.
ROUTE_TABLE = endpoints(create_app(Settings(database_url="sqlite://")))
KNOWN_PATHS = {
    "/health",
    "/api/v1/me",
    "/api/v1/tokens",
    "/api/v1/tokens/{token_id}",
    *(f"/api/v1/{c}" for c in WORLD_COLLECTIONS),
    *(f"/api/v1/{c}/{{row_id}}" for c in WORLD_COLLECTIONS),
}


@dataclass(frozen=True)
class Caller:
    name: str
    role: Role | None
    staff_kind: StaffKind | None = None


CALLERS = (
    Caller("anonymous", None),
    Caller("admin", "admin"),
    Caller("coordinator", "coordinator"),
    Caller("staff-squad", "staff", "squad"),
    Caller("staff-teacher", "staff", "teacher"),
    Caller("staff-vice-principal", "staff", "vice_principal"),
)
TARGETS = ("own", "other-county-row", "other-county-header", "other-person")


def test_every_route_declares_exactly_one_permission_rule() -> None:
    assert len(ROUTE_TABLE) > 50
    missing = [str(e) for e in ROUTE_TABLE if len(e.rules) != 1]
    assert missing == [], "routes without exactly one permission rule"


def test_only_the_documentation_lives_outside_the_api_routes() -> None:
    app = create_app(Settings(database_url="sqlite://"))
    assert non_api_paths(app) == {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def known(endpoint: Endpoint) -> bool:
    return endpoint.path in KNOWN_PATHS


def applicable(endpoint: Endpoint, target: str) -> bool:
    rule = endpoint.rules[0]
    if target == "other-county-row":
        return known(endpoint) and endpoint.has_row and rule.county != "none"
    if target == "other-county-header":
        return rule.county != "none"
    if target == "other-person":
        return endpoint.method == "GET" and endpoint.path == "/api/v1/cases/{row_id}"
    return True


CELLS = [
    pytest.param(endpoint, caller, target, id=f"{endpoint}|{caller.name}|{target}")
    for endpoint in ROUTE_TABLE
    for caller in CALLERS
    for target in TARGETS
    if applicable(endpoint, target)
]


@pytest.fixture(scope="module")
def counties(client: TestClient, admin: dict[str, str]) -> tuple[World, World]:
    return build_county(client, admin), build_county(client, admin)


@pytest.fixture(scope="module")
def spare_token_id(client: TestClient, admin: dict[str, str]) -> int:
    response = client.post("/api/v1/tokens", json={"role": "admin"}, headers=admin)
    return int(response.json()["id"])


def headers_for(caller: Caller, own: World, admin: dict[str, str]) -> dict[str, str]:
    if caller.role is None:
        return {}
    if caller.role == "admin":
        return dict(admin)
    if caller.role == "coordinator":
        return dict(own.coordinator)
    assert caller.staff_kind is not None
    return dict(own.staff[caller.staff_kind])


def concrete_path(endpoint: Endpoint, world: World, target: str, spare_token_id: int) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "token_id":
            return str(spare_token_id)
        if name == "row_id" and known(endpoint):
            if target == "other-person":
                return str(world.other_case_id)
            return str(world.ids[endpoint.path.split("/")[3]])
        # A value no row has: later issues' routes answer 404/422 and change nothing.
        return str(MAX_ID)

    return re.sub(r"\{(\w+)\}", value, endpoint.path)


def expected(endpoint: Endpoint, caller: Caller, target: str) -> int | None:
    """The status the rule demands, or None where any answer but a refusal is right."""
    rule = endpoint.rules[0]
    if rule.public:
        return 200 if known(endpoint) else None
    if caller.role is None:
        return 401
    if not rule.allows(caller.role, caller.staff_kind):
        return 403
    if caller.role != "admin" and target == "other-county-header":
        return 403
    if not known(endpoint):
        return None
    if caller.role != "admin" and target == "other-county-row":
        return 404
    if target == "other-person":
        return 404 if caller.role == "staff" else 200
    if endpoint.path == "/api/v1/tokens/{token_id}":
        return 200  # revoking the spare token; tokens have no versions
    # Allowed: prove the handler was reached without changing anything.
    return {"GET": 200, "POST": 422, "PATCH": 412, "DELETE": 412}[endpoint.method]


@pytest.mark.parametrize(("endpoint", "caller", "target"), CELLS)
def test_authorization_matrix(
    client: TestClient,
    admin: dict[str, str],
    counties: tuple[World, World],
    spare_token_id: int,
    endpoint: Endpoint,
    caller: Caller,
    target: str,
) -> None:
    own, other = counties
    headers = headers_for(caller, own, admin)
    # An admin names the county; for anyone else the header must match their own.
    county = other if target.startswith("other-county") else own
    if caller.role == "admin" or target == "other-county-header":
        headers["X-County-Id"] = str(county.county_id)
    path = concrete_path(endpoint, county, target, spare_token_id)
    # A stale If-Match and an empty body stop allowed writes before they change anything.
    headers["If-Match"] = '"0"'
    body = {} if endpoint.method in ("POST", "PATCH", "PUT") else None
    response = client.request(endpoint.method, path, headers=headers, json=body)
    want = expected(endpoint, caller, target)
    if want is None:
        assert response.status_code not in (401, 403) and response.status_code < 500
        return
    assert response.status_code == want, response.text
    if want >= 400:
        assert set(response.json()["error"]) == {"code", "message", "message_en", "details"}
