"""Children's data: deleting a case leaves no trace of its code; secrets are stored only
as hashes and stop working when revoked."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from app.plans.models import Visit
from tests.trust.plans import WEEK, plan_with_case_visit
from tests.world import World


def database_text(session: Session) -> str:
    """Every value of every table, as text: what a copy of the database would reveal."""
    session.expire_all()
    parts = []
    bind = session.get_bind()
    for table in inspect(bind).get_table_names():
        for row in session.execute(text(f'SELECT * FROM "{table}"')):
            parts.append(" ".join(str(value) for value in row))
    return "\n".join(parts)


def test_deleting_a_case_deletes_its_code_everywhere(
    client: TestClient, session: Session, county: World
) -> None:
    code = "Z-" + uuid.uuid4().hex[:10].upper()
    created = client.post(
        "/api/v1/cases",
        json={
            "code": code,
            "school_id": county.ids["schools"],
            "teacher_id": county.ids["teachers"],
        },
        headers=county.coordinator,
    )
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    plan = plan_with_case_visit(session, county)
    visit = session.scalars(select(Visit).where(Visit.plan_version_id == plan.id)).one()
    visit.case_id, visit.case_code = case_id, code
    # A solve that left the case's second session out names it in the plan's reasons.
    plan.unscheduled = [{"case_id": case_id, "case_code": code, "competitors": [code, "C-0001"]}]
    session.commit()
    # Read it through every path that shows it, so the audit log has rows about it too.
    assert code in client.get(f"/api/v1/weeks/{WEEK}/plan", headers=county.coordinator).text
    assert code in client.get(f"/api/v1/cases/{case_id}", headers=county.coordinator).text
    assert code in database_text(session)

    deleted = client.delete(f"/api/v1/cases/{case_id}", headers=county.coordinator)
    assert deleted.status_code == 204, deleted.text

    assert code not in database_text(session)
    session.refresh(visit)
    session.refresh(plan)
    assert (visit.case_id, visit.case_code) == (None, None)
    # Other cases named beside it are untouched: only the deleted code goes.
    assert plan.unscheduled[0]["competitors"][1] == "C-0001"
    after = client.get(f"/api/v1/weeks/{WEEK}/plan", headers=county.coordinator)
    assert after.status_code == 200 and code not in after.text
    # What remains in the log is that case id N was read and deleted, by whom, when.
    log = client.get(
        "/api/v1/audit/events", params={"entity": "cases"}, headers=county.coordinator
    ).json()["items"]
    assert {e["action"] for e in log if e["row_id"] == case_id} >= {"case_read", "delete"}


def test_token_secrets_are_stored_hashed_and_revocable(
    client: TestClient, session: Session, county: World, admin: dict[str, str]
) -> None:
    issued = client.post(
        "/api/v1/tokens", json={"role": "coordinator", "county_id": county.county_id}, headers=admin
    )
    assert issued.status_code == 201
    secret = issued.json()["secret"]
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    assert secret not in database_text(session)
    revoked = client.delete(f"/api/v1/tokens/{issued.json()['id']}", headers=admin)
    assert revoked.status_code == 200
    refused = client.get("/api/v1/cases", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "not_authenticated"


def test_calendar_urls_are_stored_hashed_and_revocable(
    client: TestClient, session: Session, county: World
) -> None:
    plan_with_case_visit(session, county, status="published")
    feed = client.post("/api/v1/calendar-feeds", json={}, headers=county.staff["teacher"])
    assert feed.status_code == 201
    secret = feed.json()["secret"]
    assert client.get(f"/api/v1/calendar/{secret}.ics").status_code == 200
    assert secret not in database_text(session)
    revoke = client.delete(
        f"/api/v1/calendar-feeds/{feed.json()['id']}", headers=county.coordinator
    )
    assert revoke.status_code == 200
    gone = client.get(f"/api/v1/calendar/{secret}.ics")
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"
