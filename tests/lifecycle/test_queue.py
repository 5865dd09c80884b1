"""The job queue under failure: one solve per county-week, and a worker killed mid-solve."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.plans.models import PlanVersion, Visit
from app.solves.models import Solve
from tests.lifecycle.conftest import WorkerProcess, needs_postgres, wait_for_solve
from tests.world import World

WEEK = "/api/v1/weeks/2026-W48"


def test_the_database_allows_one_active_solve_per_county_and_week(
    session: Session, county: World
) -> None:
    def add(status: str, week: str = "2026-W40") -> None:
        session.add(Solve(county_id=county.county_id, week=week, status=status))
        session.commit()

    add("succeeded")
    add("failed")
    add("queued")
    add("running", week="2026-W41")  # another week is another slot
    with pytest.raises(IntegrityError):
        add("running")
    session.rollback()


@pytest.mark.postgres
@needs_postgres
def test_concurrent_posts_one_wins_the_other_gets_409(
    app: FastAPI, client: TestClient, county: World
) -> None:
    barrier = threading.Barrier(2)
    answers: list[tuple[int, dict[str, Any]]] = []

    def post() -> None:
        local = TestClient(app)
        barrier.wait()
        response = local.post(f"{WEEK}/solves", json={"seconds": 1}, headers=county.coordinator)
        answers.append((response.status_code, response.json()))

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    answers.sort(key=lambda answer: answer[0])
    assert [status for status, _ in answers] == [202, 409], answers
    winner, loser = answers[0][1], answers[1][1]
    assert loser["error"]["code"] == "solve_in_progress"
    # No worker runs here: the winner waits in procrastinate's queue. Cancelling it frees
    # the week and takes the job off the queue.
    cancelled = client.delete(f"/api/v1/solves/{winner['id']}", headers=county.coordinator)
    assert cancelled.json()["status"] == "cancelled"
    with app.state.sessions() as session:
        status = session.execute(
            text("SELECT status FROM procrastinate.procrastinate_jobs WHERE id = :id"),
            {"id": _job_id(session, int(winner["id"]))},
        ).scalar()
    assert status == "cancelled"
    again = client.post(f"{WEEK}/solves", json={"seconds": 1}, headers=county.coordinator)
    assert again.status_code == 202
    client.delete(f"/api/v1/solves/{again.json()['id']}", headers=county.coordinator)


def _job_id(session: Session, solve_id: int) -> int:
    job_id = session.scalar(select(Solve.job_id).where(Solve.id == solve_id))
    assert job_id is not None
    return job_id


def _plans_of_week(session: Session, county_id: int) -> tuple[int, int]:
    versions = session.scalar(
        select(func.count()).where(
            PlanVersion.county_id == county_id, PlanVersion.week == "2026-W48"
        )
    )
    visits = session.scalar(select(func.count()).where(Visit.county_id == county_id))
    return versions or 0, visits or 0


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize(
    ("attempts", "outcome"), [("2", "succeeded"), ("1", "failed")], ids=["retried", "failed"]
)
def test_a_worker_killed_mid_solve_loses_nothing(
    app: FastAPI,
    client: TestClient,
    county: World,
    start_worker: Callable[..., WorkerProcess],
    attempts: str,
    outcome: str,
) -> None:
    first = start_worker(solve_max_attempts=attempts)
    response = client.post(f"{WEEK}/solves", json={"seconds": 6}, headers=county.coordinator)
    assert response.status_code == 202
    solve_id = response.json()["id"]
    wait_for_solve(
        client,
        county.coordinator,
        solve_id,
        until=lambda s: s["status"] == "running" and s["progress"]["phase"] == "searching",
        timeout=60,
    )
    first.kill()
    with app.state.sessions() as session:
        assert session.get(Solve, solve_id).status == "running"  # type: ignore[union-attr]
        assert _plans_of_week(session, county.county_id) == (0, 0)  # no half plan
    # A second worker notices the first one's heartbeat stopped.
    start_worker(solve_max_attempts=attempts)
    final = wait_for_solve(client, county.coordinator, solve_id, timeout=90)[-1]
    assert final["status"] == outcome, final
    with app.state.sessions() as session:
        versions, visits = _plans_of_week(session, county.county_id)
    if outcome == "succeeded":
        assert final["attempts"] == 2 and final["plan_version"] == 1
        assert versions == 1 and visits >= 1  # written once, by the run that finished
    else:
        assert final["error"]["code"] == "worker_lost"
        assert final["error"]["message"] and final["error"]["message_en"]
        assert (versions, visits) == (0, 0)
