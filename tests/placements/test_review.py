"""Locks, withdrawals, publishing, the staff view and the workbook, on the demo term."""

from __future__ import annotations

import io

from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.placements.instance import candidate_key, row_id
from app.placements.models import PlacementLock
from solver.placement import check_placements
from solver.placement.rules import broken_rule
from tests.placements.conftest import DemoTerm, read, result_from_api, solve, term_build
from tests.world import token


def test_a_lock_is_kept_by_the_next_solve(
    app: FastAPI, client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    solve(client, demo_term)
    before = read(client, demo_term)
    instance = term_build(app, demo_term).instance
    schools = {s.id: s for s in instance.schools}
    held = {p["vice_principal"]["id"]: p["post"]["id"] for p in before["placements"]}
    # Someone placed, locked into another post they may take: the solver must follow.
    person, post = next(
        (row_id(c.id), row_id(p.id))
        for c in instance.candidates
        if row_id(c.id) in held
        for p in instance.posts
        if row_id(p.id) != held[row_id(c.id)] and broken_rule(schools, c, p) is None
    )
    url = f"{demo_term.base}/locks/{person}"
    locked = client.put(url, json={"post_id": post}, headers=demo_term.coordinator)
    assert locked.status_code == 200, locked.text
    try:
        solve(client, demo_term)
        after = read(client, demo_term)
        mine = next(p for p in after["placements"] if p["vice_principal"]["id"] == person)
        assert mine["post"]["id"] == post and mine["locked"] is True
        instance = term_build(app, demo_term).instance
        assert [k.candidate for k in instance.locks] == [candidate_key(person)]
        assert check_placements(instance, result_from_api(after)) == []
        listed = client.get(f"{demo_term.base}/locks", headers=demo_term.coordinator).json()
        assert listed == [{"vice_principal_id": person, "post_id": post}]
    finally:
        assert client.delete(url, headers=demo_term.coordinator).status_code == 204
    assert client.delete(url, headers=demo_term.coordinator).status_code == 404


def test_a_lock_that_breaks_a_hard_rule_is_refused(
    app: FastAPI, client: TestClient, demo_term: DemoTerm
) -> None:
    instance = term_build(app, demo_term).instance
    schools = {s.id: s for s in instance.schools}
    person, post = next(
        (row_id(c.id), row_id(p.id))
        for c in instance.candidates
        for p in instance.posts
        if broken_rule(schools, c, p) is not None
    )
    response = client.put(
        f"{demo_term.base}/locks/{person}", json={"post_id": post}, headers=demo_term.coordinator
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "lock_breaks_rule"
    unknown = client.put(
        f"{demo_term.base}/locks/{person}",
        json={"post_id": 2**31 - 1},
        headers=demo_term.coordinator,
    )
    assert unknown.status_code == 404


def test_a_full_post_takes_no_more_locks(
    app: FastAPI, session: Session, client: TestClient, demo_term: DemoTerm
) -> None:
    instance = term_build(app, demo_term).instance
    schools = {s.id: s for s in instance.schools}
    post = next(p for p in instance.posts if p.seats == 1)
    takers = [c for c in instance.candidates if broken_rule(schools, c, post) is None][:2]
    assert len(takers) == 2
    urls = [f"{demo_term.base}/locks/{row_id(c.id)}" for c in takers]
    body = {"post_id": row_id(post.id)}
    try:
        assert client.put(urls[0], json=body, headers=demo_term.coordinator).status_code == 200
        full = client.put(urls[1], json=body, headers=demo_term.coordinator)
        assert full.status_code == 409 and full.json()["error"]["code"] == "post_full"
    finally:
        session.execute(delete(PlacementLock).where(PlacementLock.term_id == demo_term.term_id))
        session.commit()


def test_publish_freezes_a_version_and_staff_see_only_their_own(
    client: TestClient, admin: dict[str, str], demo_term: DemoTerm, solving: None
) -> None:
    number = solve(client, demo_term)["progress"]["extra"]["placement_version"]
    draft = read(client, demo_term, number)
    placed = draft["placements"][0]["vice_principal"]["id"]
    other = draft["placements"][1]
    unplaced = draft["unplaced"][0]["vice_principal"]["id"]
    mine = token(
        client,
        admin,
        role="staff",
        county_id=demo_term.county_id,
        staff_kind="vice_principal",
        staff_id=placed,
    )
    url = f"/api/v1/me/placement?term={demo_term.code}"
    hidden = client.get(url, headers=mine)
    assert hidden.status_code == 404, "a draft is not for staff eyes"

    published = client.post(f"{demo_term.base}/publish", headers=demo_term.coordinator)
    assert published.status_code == 200 and published.json()["status"] == "published"
    again = client.post(f"{demo_term.base}/publish", headers=demo_term.coordinator)
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_published"

    own = client.get(url, headers=mine)
    assert own.status_code == 200, own.text
    assert own.json()["post"]["id"] == draft["placements"][0]["post"]["id"]
    assert own.json()["version"] == number
    assert str(other["vice_principal"]["name"]) not in own.text
    nobody = token(
        client,
        admin,
        role="staff",
        county_id=demo_term.county_id,
        staff_kind="vice_principal",
        staff_id=unplaced,
    )
    assert client.get(url, headers=nobody).status_code == 404
    assert client.get(url, headers=demo_term.coordinator).status_code == 403

    # A later solve makes a new draft; the published version stays exactly as it was.
    solve(client, demo_term, weights={"commute_per_km": 9})
    frozen = read(client, demo_term, number)
    assert frozen["placements"] == draft["placements"]
    assert frozen["version"]["status"] == "published"
    assert client.get(url, headers=mine).json()["version"] == number


def test_the_workbook_opens_and_lists_every_placement(
    client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    solve(client, demo_term)
    body = read(client, demo_term)
    response = client.get(
        f"/api/v1/terms/{demo_term.code}/placements.xlsx", headers=demo_term.coordinator
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["安排 placements"]
    assert sheet.max_row == 3 + len(body["placements"])
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$3"
    names = {str(sheet.cell(row=r, column=1).value) for r in range(4, sheet.max_row + 1)}
    assert names == {
        f"{p['vice_principal']['code']} {p['vice_principal']['name']}" for p in body["placements"]
    }
    assert workbook["未安排 unplaced"].max_row == 3 + len(body["unplaced"])


def test_a_withdrawal_re_solves_moving_few_and_says_how_many(
    app: FastAPI, client: TestClient, demo_term: DemoTerm, solving: None
) -> None:
    solve(client, demo_term)
    before = read(client, demo_term)
    leaving = before["placements"][0]["vice_principal"]["id"]
    finished = solve(client, demo_term, "/withdrawals", vice_principal_id=leaving)
    after = read(client, demo_term)
    assert after["version"]["number"] == before["version"]["number"] + 1
    assert after["withdrawn_vice_principal_id"] == leaving
    assert leaving not in {p["vice_principal"]["id"] for p in after["placements"]}
    assert leaving not in {u["vice_principal"]["id"] for u in after["unplaced"]}
    previous = {p["vice_principal"]["id"]: p["post"]["id"] for p in before["placements"]}
    now = {p["vice_principal"]["id"]: p["post"]["id"] for p in after["placements"]}
    moved = sum(1 for v, p in previous.items() if v != leaving and now.get(v) != p)
    assert after["version"]["moved_count"] == moved == finished["changes"]
    assert moved <= 2, "freeing one seat should move at most a short chain"
    assert after["version"]["placed_count"] >= before["version"]["placed_count"] - 1
    instance = term_build(app, demo_term, previous).instance
    assert check_placements(instance, result_from_api(after)) == []
    again = client.post(
        f"{demo_term.base}/withdrawals",
        json={"vice_principal_id": leaving},
        headers=demo_term.coordinator,
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_withdrawn"
    listed = client.get(f"{demo_term.base}/withdrawals", headers=demo_term.coordinator)
    assert listed.json() == [leaving]
    url = f"{demo_term.base}/withdrawals/{leaving}"
    assert client.delete(url, headers=demo_term.coordinator).status_code == 204
    assert client.delete(url, headers=demo_term.coordinator).status_code == 404
    assert any(
        c.id == candidate_key(leaving) for c in term_build(app, demo_term).instance.candidates
    )
