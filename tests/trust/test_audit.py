"""The audit log: every case read (lists, gets, plan views, phone feeds, calendars), every
write with before/after, every publish; and the coordinator's export of the read log."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.core.security import hash_secret
from app.tokens.models import ApiToken
from tests.trust.plans import WEEK, plan_with_case_visit
from tests.world import World


def events(session: Session, county: World, action: str) -> list[AuditEvent]:
    session.expire_all()
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.county_id == county.county_id, AuditEvent.action == action)
            .order_by(AuditEvent.id)
        )
    )


def token_id(session: Session, headers: dict[str, str]) -> int:
    secret = headers["Authorization"].removeprefix("Bearer ")
    found = session.scalar(select(ApiToken.id).where(ApiToken.secret_sha256 == hash_secret(secret)))
    assert found is not None
    return found


def test_listing_and_getting_cases_log_one_read_per_case(
    client: TestClient, session: Session, county: World
) -> None:
    assert events(session, county, "case_read") == []
    listed = client.get("/api/v1/cases", headers=county.coordinator)
    assert listed.status_code == 200 and listed.json()["total"] == 2
    reads = events(session, county, "case_read")
    assert sorted(e.row_id for e in reads) == sorted([county.ids["cases"], county.other_case_id])
    assert {e.role for e in reads} == {"coordinator"}
    assert all(e.token_id is not None for e in reads)

    got = client.get(f"/api/v1/cases/{county.ids['cases']}", headers=county.staff["teacher"])
    assert got.status_code == 200
    newest = events(session, county, "case_read")[-1]
    assert (newest.row_id, newest.role) == (county.ids["cases"], "staff")


def test_a_refused_read_logs_nothing(client: TestClient, session: Session, county: World) -> None:
    path = f"/api/v1/cases/{county.other_case_id}"
    assert client.get(path, headers=county.staff["teacher"]).status_code == 404
    assert events(session, county, "case_read") == []


def test_case_codes_in_plan_views_and_phone_feeds_count_as_reads(
    client: TestClient, session: Session, county: World
) -> None:
    plan_with_case_visit(session, county, status="published")
    view = client.get(f"/api/v1/weeks/{WEEK}/plan", headers=county.coordinator)
    assert view.status_code == 200 and "C-0001" in view.text
    assert [e.row_id for e in events(session, county, "case_read")] == [county.ids["cases"]]

    phone = client.get(
        "/api/v1/me/assignments", params={"week": WEEK}, headers=county.staff["teacher"]
    )
    assert phone.status_code == 200 and "C-0001" in phone.text
    reads = events(session, county, "case_read")
    assert [(e.row_id, e.role) for e in reads][-1] == (county.ids["cases"], "staff")

    feed = client.post("/api/v1/calendar-feeds", json={}, headers=county.staff["teacher"])
    assert feed.status_code == 201, feed.text
    ics = client.get(f"/api/v1/calendar/{feed.json()['secret']}.ics")
    assert ics.status_code == 200 and "C-0001" in ics.text
    last = events(session, county, "case_read")[-1]
    assert (last.row_id, last.calendar_feed_id, last.token_id) == (
        county.ids["cases"],
        feed.json()["id"],
        None,
    )


def test_coordinator_exports_the_read_log_as_csv_and_xlsx(
    client: TestClient, session: Session, county: World
) -> None:
    client.get(f"/api/v1/cases/{county.ids['cases']}", headers=county.coordinator)
    exported = client.get("/api/v1/audit/case-reads", headers=county.coordinator)
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][1] == "个案 id case_id"
    assert [row[1] for row in rows[1:]] == [str(county.ids["cases"])]
    assert rows[1][2] == str(token_id(session, county.coordinator))

    xlsx = client.get(
        "/api/v1/audit/case-reads", params={"format": "xlsx"}, headers=county.coordinator
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [county.ids["cases"]]
    # The log is the coordinators': a staff token may not read who read what.
    refused = client.get("/api/v1/audit/case-reads", headers=county.staff["teacher"])
    assert refused.status_code == 403


def test_writes_are_logged_with_before_and_after(
    client: TestClient, session: Session, county: World
) -> None:
    path = f"/api/v1/schools/{county.ids['schools']}"
    etag = client.get(path, headers=county.coordinator).headers["ETag"]
    changed = client.patch(
        path, json={"name": "东湾村小"}, headers={**county.coordinator, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    [update] = [e for e in events(session, county, "update") if e.entity == "schools"]
    assert update.row_id == county.ids["schools"]
    assert (update.before or {})["name"] == "东湾教学点"
    assert (update.after or {})["name"] == "东湾村小"
    assert update.token_id == token_id(session, county.coordinator)

    created = client.post(
        "/api/v1/closures",
        json={"start_date": "2026-12-01", "end_date": "2026-12-02", "reason": "雪灾停课"},
        headers=county.coordinator,
    )
    assert created.status_code == 201
    closure_id = created.json()["id"]
    create = [e for e in events(session, county, "create") if e.entity == "closures"][-1]
    assert (create.row_id, create.before, (create.after or {})["reason"]) == (
        closure_id,
        None,
        "雪灾停课",
    )
    assert client.delete(f"/api/v1/closures/{closure_id}", headers=county.coordinator).is_success
    [delete] = [e for e in events(session, county, "delete") if e.row_id == closure_id]
    assert (delete.entity, (delete.before or {})["reason"], delete.after) == (
        "closures",
        "雪灾停课",
        None,
    )


def test_a_refused_write_leaves_no_audit_row(
    client: TestClient, session: Session, county: World
) -> None:
    path = f"/api/v1/schools/{county.ids['schools']}"
    stale = client.patch(
        path, json={"name": "x"}, headers={**county.coordinator, "If-Match": '"0"'}
    )
    assert stale.status_code == 412
    assert [e for e in events(session, county, "update") if e.entity == "schools"] == []


def test_publish_is_logged(client: TestClient, session: Session, county: World) -> None:
    plan = plan_with_case_visit(session, county)
    published = client.post(f"/api/v1/weeks/{WEEK}/plan/publish", headers=county.coordinator)
    assert published.status_code == 200, published.text
    [event] = events(session, county, "publish")
    assert (event.entity, event.row_id) == ("plan_versions", plan.id)
    assert ((event.before or {})["status"], (event.after or {})["status"]) == ("draft", "published")
    # Case codes never enter the log: not even through the plan's "left out" list.
    assert "unscheduled" not in (event.after or {})


def test_audit_events_page_is_scoped_to_the_county(
    client: TestClient, session: Session, county: World, other_county: World
) -> None:
    client.get("/api/v1/cases", headers=other_county.coordinator)
    page = client.get(
        "/api/v1/audit/events", params={"action": "case_read"}, headers=county.coordinator
    )
    assert page.status_code == 200
    assert page.json()["items"] == []
    theirs = client.get(
        "/api/v1/audit/events", params={"action": "case_read"}, headers=other_county.coordinator
    )
    assert theirs.json()["total"] == 2
