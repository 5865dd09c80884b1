"""The coordinator's path through the desk, in real Chromium on the demo county."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.desk.conftest import Server
from tests.desk.png import colour_census

TIMEOUT_MS = 30_000
# Long enough that the router places visits on every day even on a busy 2-core machine.
SOLVE_SECONDS = 20
SOLVE_TIMEOUT_MS = 180_000
WEEK = "2026-W48"  # inside the demo county's autumn term


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/")
    yield page
    context.close()
    assert errors == [], "the page threw"


def log_in(page: Page, token: str) -> None:
    page.fill("#token", token)
    page.click("#login button[type=submit]")
    expect(page.locator("#desk")).to_be_visible()


def assert_not_blank(png: bytes) -> None:
    census = colour_census(png)
    total = sum(census.values())
    _, most = census.most_common(1)[0]
    assert len(census) > 20, "the screenshot has almost no colours"
    assert most / total < 0.9, "the screenshot is nearly one colour"


def test_the_page_asks_for_a_token_and_refuses_a_wrong_one(page: Page) -> None:
    expect(page.locator("#login")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("协调员工作台")
    page.fill("#token", "not-a-token")
    page.click("#login button[type=submit]")
    expect(page.locator("#login-error")).to_contain_text("令牌")
    expect(page.locator("#desk")).to_be_hidden()


def test_the_demo_county_is_on_the_map_in_both_languages(page: Page, server: Server) -> None:
    log_in(page, server.token)
    expect(page.locator("#county-name")).to_have_text("祁川县")
    schools = page.locator("#map circle")
    expect(schools.first).to_be_attached()
    assert schools.count() > 100
    assert page.locator("#map rect.base").count() > 20
    page.click("#lang")
    expect(page.locator("#solve")).to_have_text("Solve")
    expect(page.locator("h1")).to_contain_text("Coordinator")
    page.click("#lang")
    expect(page.locator("#solve")).to_have_text("开始排程")


def test_a_coordinator_solves_pins_moves_publishes_and_downloads_the_week(
    page: Page, server: Server, screenshots: Path
) -> None:
    page.goto(f"{server.url}/#{WEEK}")
    log_in(page, server.token)
    expect(page.locator("#empty")).to_be_visible()

    # Solve, watching the progress bar run to the end.
    page.fill("#time-limit", str(SOLVE_SECONDS))
    page.click("#solve")
    expect(page.locator("#progress")).to_be_visible()
    page.wait_for_function("() => document.getElementById('progress').value > 0")
    ended = page.locator("#solve-status[data-status]")  # set once the solve has ended
    ended.wait_for(timeout=SOLVE_TIMEOUT_MS)
    assert ended.get_attribute("data-status") == "succeeded", page.inner_text("#message")
    assert page.locator("#progress").evaluate("bar => bar.value") == 100
    visits = page.locator(".cell .visit")
    expect(visits.first).to_be_visible()
    assert visits.count() > 10
    expect(page.locator("#plan-status")).to_have_attribute("data-status", "draft")
    assert page.locator("#map polyline.route").count() > 5
    for kpi in ("coverage", "missed", "travel", "balance"):
        expect(page.locator(f'[data-kpi="{kpi}"] strong')).not_to_be_empty()
    expect(page.locator("#unscheduled tr[data-reason]").first).to_be_attached()

    # Pin the first visit: the block shows it, and so does the form.
    visits.first.click()
    expect(page.locator("#visit")).to_be_visible()
    page.click("#pin")
    expect(page.locator(".cell .visit.pinned")).to_have_count(1)
    expect(page.locator("#pin")).to_have_attribute("data-pinned", "true")

    # Widen Wednesday so its school names can be read; that is the picture kept.
    wednesday = page.locator('#timetable .day[data-day="3"]')
    narrow = wednesday.bounding_box()
    wednesday.click()
    expect(wednesday).to_have_class(re.compile("focused"))
    wide = wednesday.bounding_box()
    assert narrow is not None and wide is not None and wide["width"] > 2 * narrow["width"]
    page.screenshot(path=str(screenshots / "desk-full.png"), full_page=True)
    # The first screen (actions, KPIs, timetable) is what a coordinator sees on opening.
    page.evaluate("window.scrollTo(0, 0)")
    assert_not_blank(page.screenshot(path=str(screenshots / "desk.png")))

    # Move another visit to before dawn: the checker says what that breaks; nothing moves.
    visits.nth(1).click()
    before = page.locator(".cell .visit.selected").get_attribute("title")
    page.fill("#move-start", "05:00")
    page.click("#visit button[type=submit]")
    expect(page.locator("#breaks li.broken").first).to_be_visible()
    assert page.locator(".cell .visit.selected").get_attribute("title") == before

    # Forced, it moves anyway and stays marked with what it breaks.
    page.check("#force")
    page.click("#visit button[type=submit]")
    expect(page.locator(".cell .visit.forced")).to_have_count(1)
    expect(page.locator("#breaks li.broken").first).to_be_visible()

    # Publish, then download the published week as a spreadsheet.
    page.click("#publish")
    expect(page.locator("#plan-status")).to_have_attribute("data-status", "published")
    expect(page.locator("#publish")).to_be_disabled()
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == f"yuanjiao-{WEEK}.xlsx"
    # Playwright saves it under a name without .xlsx, which openpyxl refuses.
    workbook = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert len(workbook.sheetnames) > 1
