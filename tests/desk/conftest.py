"""A real server and a real browser for the desk tests.

The server is what `make run` starts (``yuanjiao serve --demo``: migrate, load the demo
county, write a coordinator token), on a free loopback port, against a database of its
own; on PostgreSQL a ``yuanjiao worker`` beside it solves, as in docker compose. The
browser is Debian's Chromium driven by Playwright; `make browser` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import fresh_database_url

CHROMIUM = os.environ.get("YUANJIAO_CHROMIUM", "/usr/bin/chromium")
# Nothing in a test may reach the internet or wait for a GPU.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_SECONDS = 60
# The `yuanjiao` command of this interpreter, whether or not the venv's bin is on PATH.
YUANJIAO = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


@dataclass(frozen=True)
class Server:
    url: str
    token: str
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="yuanjiao-desk-") as tmp:
        folder = Path(tmp)
        for database_url in fresh_database_url(folder):
            yield from _serve(folder, database_url)


def _serve(folder: Path, database_url: str) -> Iterator[Server]:
    port = _free_port()
    token_file = folder / "demo-coordinator.token"
    log = folder / "server.log"
    env = {
        **os.environ,
        "YUANJIAO_DATABASE_URL": database_url,
        "YUANJIAO_DEMO_TOKEN_FILE": str(token_file),
        # Two cores are shared by the whole suite: one search per solve, as tests/lifecycle.
        "YUANJIAO_SOLVE_SEARCH_WORKERS": "1",
    }
    url = f"http://127.0.0.1:{port}"
    processes: list[subprocess.Popen[bytes]] = []
    with log.open("w") as output:

        def start(*arguments: str) -> subprocess.Popen[bytes]:
            processes.append(
                subprocess.Popen(
                    [*YUANJIAO, *arguments], env=env, stdout=output, stderr=subprocess.STDOUT
                )
            )
            return processes[-1]

        try:
            _wait_until_up(
                url, start("serve", "--demo", "--host", "127.0.0.1", "--port", str(port)), log
            )
            if not database_url.startswith("sqlite"):
                start("worker")  # after serve has migrated the database
            yield Server(url, token_file.read_text().strip(), log)
        finally:
            for process in processes:
                _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"the server did not answer within {START_SECONDS}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Iterator[Path]:
    """Where the screenshots go: YUANJIAO_SCREENSHOTS to keep them, else a temp folder."""
    kept = os.environ.get("YUANJIAO_SCREENSHOTS")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        yield Path(kept)
        return
    with tempfile.TemporaryDirectory(prefix="yuanjiao-shots-") as tmp:
        yield Path(tmp)
