"""Real concurrent connections on PostgreSQL: two coordinators saving the same row with the
same ETag, and a publish racing an edit. Threads meet at a barrier so the requests overlap."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.plans.models import PlanVersion, Visit
from tests.conftest import PG_ENV
from tests.trust.plans import plan_with_case_visit
from tests.world import World, token

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"needs PostgreSQL: set {PG_ENV}"),
]
ROUNDS = 5


def together(*calls: Callable[[], httpx.Response]) -> list[httpx.Response]:
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], httpx.Response]) -> httpx.Response:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_same_etag_one_wins_one_gets_412_nothing_lost(
    client: TestClient, session: Session, county: World, admin: dict[str, str]
) -> None:
    second = token(client, admin, role="coordinator", county_id=county.county_id)
    path = f"/api/v1/schools/{county.ids['schools']}"
    for round_ in range(ROUNDS):
        etag = client.get(path, headers=county.coordinator).headers["ETag"]
        names = (f"甲{round_}", f"乙{round_}")
        answers = together(
            partial(
                client.patch,
                path,
                json={"name": names[0]},
                headers={**county.coordinator, "If-Match": etag},
            ),
            partial(
                client.patch, path, json={"name": names[1]}, headers={**second, "If-Match": etag}
            ),
        )
        codes = sorted(a.status_code for a in answers)
        assert codes == [200, 412], [a.text for a in answers]
        winner = names[[a.status_code for a in answers].index(200)]
        loser = next(a for a in answers if a.status_code == 412)
        assert loser.json()["error"]["code"] == "precondition_failed"
        now = client.get(path, headers=county.coordinator)
        assert now.json()["name"] == winner
        assert now.headers["ETag"] == f'"{int(etag.strip(chr(34))) + 1}"'
    session.expire_all()
    updates = session.scalars(
        select(AuditEvent).where(
            AuditEvent.entity == "schools",
            AuditEvent.row_id == county.ids["schools"],
            AuditEvent.action == "update",
        )
    ).all()
    assert len(updates) == ROUNDS  # exactly the winners' writes, none of the refused


def test_a_publish_racing_an_edit_never_publishes_half_an_edit(
    client: TestClient, session: Session, county: World
) -> None:
    for round_ in range(ROUNDS):
        week = f"2026-W{40 + round_}"
        plan = plan_with_case_visit(session, county, week=week)
        visit_id = session.scalars(select(Visit.id).where(Visit.plan_version_id == plan.id)).one()
        pin, publish = together(
            partial(
                client.patch,
                f"/api/v1/weeks/{week}/plan/visits/{visit_id}",
                json={"pinned": True},
                headers=county.coordinator,
            ),
            partial(client.post, f"/api/v1/weeks/{week}/plan/publish", headers=county.coordinator),
        )
        assert (pin.status_code, publish.status_code) == (200, 200), (pin.text, publish.text)
        session.expire_all()
        published = session.get(PlanVersion, plan.id)
        assert published is not None and published.status == "published"
        visit = session.get(Visit, visit_id)
        assert visit is not None
        if pin.json()["version"]["number"] == 1:
            # The edit went first: what was published holds all of it.
            assert (visit.pinned, published.edits) == (True, 1)
        else:
            # The publish went first: the edit landed whole on a new draft, not on v1.
            assert (visit.pinned, published.edits) == (False, 0)
            draft = session.scalars(
                select(PlanVersion).where(
                    PlanVersion.county_id == county.county_id,
                    PlanVersion.week == week,
                    PlanVersion.number == 2,
                )
            ).one()
            assert (draft.status, draft.edits) == ("draft", 1)
        # Nothing touched version 1 after its publish was logged.
        log = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.county_id == county.county_id)
            .order_by(AuditEvent.id)
        ).all()
        publish_at = next(e.id for e in log if e.action == "publish" and e.row_id == plan.id)
        assert not [
            e
            for e in log
            if e.id > publish_at
            and (
                (e.entity == "visits" and e.row_id == visit_id)
                or (e.entity == "plan_versions" and e.row_id == plan.id)
            )
        ]
