"""Fixtures on real parts: a database built by the Alembic migrations (SQLite by default,
PostgreSQL when YUANJIAO_TEST_DATABASE_URL is set) and the real app behind TestClient."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from app.tokens.service import issue
from tests.world import World, build_county

PG_ENV = "YUANJIAO_TEST_DATABASE_URL"


def pytest_report_header() -> str:
    server = os.environ.get(PG_ENV)
    return f"yuanjiao database: {'PostgreSQL via ' + server if server else 'SQLite (temp file)'}"


def fresh_database_url(tmp_dir: Path) -> Iterator[str]:
    """An empty database of its own: a temp SQLite file, or ``yuanjiao_test_<pid>`` created
    next to the server's ``test`` database so concurrent runs never collide."""
    server = os.environ.get(PG_ENV)
    if not server:
        yield f"sqlite:///{tmp_dir / 'test.sqlite3'}"
        return
    name = f"yuanjiao_test_{os.getpid()}_{tmp_dir.name[-6:].lower()}".replace("-", "_")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="yuanjiao-") as tmp:
        for url in fresh_database_url(Path(tmp)):
            # The PostgreSQL pass must really run on PostgreSQL, not fall back quietly.
            expected = "postgresql" if os.environ.get(PG_ENV) else "sqlite"
            assert make_url(url).get_backend_name() == expected
            upgrade(url)
            yield url


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[FastAPI]:
    application = create_app(Settings(database_url=database_url))
    yield application
    application.state.engine.dispose()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def session(app: FastAPI) -> Iterator[Session]:
    with app.state.sessions() as db_session:
        yield db_session


@pytest.fixture(scope="session")
def admin(app: FastAPI) -> dict[str, str]:
    with app.state.sessions() as db_session:
        secret = issue(db_session, "admin", label="tests").secret
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def county(client: TestClient, admin: dict[str, str]) -> World:
    """A small county of its own for one test: one row of every kind, plus tokens."""
    return build_county(client, admin)


@pytest.fixture
def other_county(client: TestClient, admin: dict[str, str]) -> World:
    return build_county(client, admin)


@pytest.fixture(scope="session")
def demo_county_id(app: FastAPI) -> int:
    from app.demo import load_demo

    with app.state.sessions() as db_session:
        county_id, _ = load_demo(db_session)
    return county_id
