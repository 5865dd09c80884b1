"""Fixtures for term placements: the demo county's term solved through the real queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.placements.instance import TermBuild, build_instance, candidate_key, post_key
from app.terms.models import Term
from solver.placement import (
    ObjectiveTerm,
    Placement,
    PlacementResult,
    Reason,
    UnfilledPost,
    UnplacedCandidate,
)
from tests.lifecycle.conftest import (  # noqa: F401  (fixtures shared with the weekly solve)
    one_search_per_solve,
    solving,
    start_worker,
    wait_for_solve,
)
from tests.world import token


@dataclass(frozen=True)
class DemoTerm:
    county_id: int
    term_id: int
    code: str
    coordinator: dict[str, str]

    @property
    def base(self) -> str:
        return f"/api/v1/terms/{self.code}/placements"


@pytest.fixture(scope="module")
def demo_term(
    app: FastAPI, client: TestClient, admin: dict[str, str], demo_county_id: int
) -> DemoTerm:
    with app.state.sessions() as session:
        term = session.scalars(select(Term).where(Term.county_id == demo_county_id)).first()
        assert term is not None
        found = DemoTerm(demo_county_id, term.id, term.code, {})
    headers = token(client, admin, role="coordinator", county_id=demo_county_id)
    return DemoTerm(found.county_id, found.term_id, found.code, headers)


def solve(client: TestClient, demo: DemoTerm, path: str = "/solve", **body: Any) -> dict[str, Any]:
    """POST a solve (or a withdrawal), wait for it, return the finished solve."""
    response = client.post(demo.base + path, json={"seconds": 5, **body}, headers=demo.coordinator)
    assert response.status_code == 202, response.text
    assert response.json()["kind"] == "placement"
    finished = wait_for_solve(client, demo.coordinator, response.json()["id"])[-1]
    assert finished["status"] == "succeeded", finished
    return finished


def read(client: TestClient, demo: DemoTerm, version: int | None = None) -> dict[str, Any]:
    query = f"?version={version}" if version else ""
    response = client.get(demo.base + query, headers=demo.coordinator)
    assert response.status_code == 200, response.text
    return dict(response.json())


def term_build(app: FastAPI, demo: DemoTerm, previous: dict[int, int] | None = None) -> TermBuild:
    with app.state.sessions() as session:
        return build_instance(session, demo.county_id, demo.term_id, previous)


def result_from_api(body: dict[str, Any]) -> PlacementResult:
    """What the API shows, back in the solver's shape, so its referee can judge it."""
    nothing = Reason("", "")
    return PlacementResult(
        placements=tuple(
            Placement(
                candidate_key(p["vice_principal"]["id"]),
                post_key(p["post"]["id"]),
                f"s{p['host_school']['id']}",
                p["distance_km"],
                p["preference_rank"],
                p["subject_fit"],
                p["locked"],
                p["moved"],
            )
            for p in body["placements"]
        ),
        unplaced=tuple(
            UnplacedCandidate(candidate_key(u["vice_principal"]["id"]), nothing)
            for u in body["unplaced"]
        ),
        unfilled=tuple(
            UnfilledPost(post_key(u["post"]["id"]), u["open_seats"], nothing)
            for u in body["unfilled"]
        ),
        terms=tuple(ObjectiveTerm(**t) for t in body["terms"]),
        objective=body["objective"],
        bound=body["bound"],
        optimal=body["optimal"],
        placed_count=body["version"]["placed_count"],
        moved_count=body["version"]["moved_count"],
        seconds=0.0,
    )
