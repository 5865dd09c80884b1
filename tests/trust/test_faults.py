"""Faults: PostgreSQL restarted under load answers 503 + Retry-After and recovers by
itself; a read-only SQLite file gives a clear error, never a traceback."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from app.tokens.service import issue
from tests.trust import throwaway_pg

SHAPE = {"code", "message", "message_en", "details"}


@pytest.fixture
def cluster() -> Iterator[throwaway_pg.Cluster]:
    if not throwaway_pg.available():
        pytest.skip(f"initdb not found under {throwaway_pg.PG_BIN}: cannot start a cluster")
    yield from throwaway_pg.throwaway_cluster()


@pytest.mark.postgres
def test_postgres_restart_gives_503_with_retry_after_then_recovers(
    cluster: throwaway_pg.Cluster,
) -> None:
    upgrade(cluster.url)
    app = create_app(Settings(database_url=cluster.url, rate_limit_per_second=0))
    with app.state.sessions() as session:
        secret = issue(session, "admin", label="faults").secret
    client = TestClient(app, raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {secret}"}
    try:
        assert client.get("/api/v1/counties", headers=headers).status_code == 200
        cluster.stop()
        down = [client.get("/api/v1/counties", headers=headers) for _ in range(5)]
        assert {r.status_code for r in down} == {503}
        for response in down:
            assert set(response.json()["error"]) == SHAPE
            assert response.json()["error"]["code"] == "database_unavailable"
            assert int(response.headers["Retry-After"]) > 0
        cluster.start()
        # No restart of the app: the pool notices the new server on its own.
        deadline = time.monotonic() + 30
        statuses = []
        while time.monotonic() < deadline:
            statuses.append(client.get("/api/v1/counties", headers=headers).status_code)
            if statuses[-1] == 200:
                break
            time.sleep(0.5)
        assert statuses[-1] == 200, statuses
        assert set(statuses) <= {200, 503}
    finally:
        app.state.engine.dispose()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files anyway")
def test_read_only_sqlite_gives_a_clear_503_not_a_traceback(tmp_path: Path) -> None:
    _read_only_sqlite(tmp_path)


def test_read_only_sqlite_even_for_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so the file is opened read-only the way SQLite offers it
    # (a relative URI, from inside tmp_path: the engine creates no stray directory).
    monkeypatch.chdir(tmp_path)
    _read_only_sqlite(tmp_path, uri_mode=True)


def _read_only_sqlite(tmp_path: Path, uri_mode: bool = False) -> None:
    path = tmp_path / "yuanjiao.sqlite3"
    upgrade(f"sqlite:///{path}")
    writable = create_app(Settings(database_url=f"sqlite:///{path}"))
    with writable.state.sessions() as session:
        secret = issue(session, "admin", label="faults").secret
    writable.state.engine.dispose()
    if uri_mode:
        url = f"sqlite:///file:{path.name}?mode=ro&uri=true"
    else:
        path.chmod(stat.S_IRUSR)
        tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
        url = f"sqlite:///{path}"
    app = create_app(Settings(database_url=url))
    client = TestClient(app, raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {secret}"}
    try:
        assert client.get("/api/v1/counties", headers=headers).status_code == 200
        response = client.post(
            "/api/v1/counties", json={"code": "RO", "name": "只读县"}, headers=headers
        )
        assert response.status_code == 503, response.text
        error = response.json()["error"]
        assert set(error) == SHAPE and error["code"] == "database_read_only"
        assert "Traceback" not in response.text
    finally:
        app.state.engine.dispose()
        tmp_path.chmod(stat.S_IRWXU)
