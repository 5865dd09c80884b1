"""What `make run` and `yuanjiao seed-demo` do to a database."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.cli import main
from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_sessionmaker
from app.counties.models import County
from app.demo import prepare_demo
from app.main import create_app
from app.schools.models import School
from tests.conftest import fresh_database_url


@pytest.fixture
def empty_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="yuanjiao-demo-") as tmp:
        yield from fresh_database_url(Path(tmp))


def test_prepare_demo_migrates_loads_and_writes_a_working_token(
    empty_database: str, tmp_path: Path
) -> None:
    settings = Settings(database_url=empty_database, demo_token_file=tmp_path / "demo.token")
    path = prepare_demo(settings)
    secret = path.read_text().strip()
    assert prepare_demo(settings) == path
    assert path.read_text().strip() == secret  # a restart keeps the token that still works
    app = create_app(settings)
    with TestClient(app) as client:
        page = client.get("/api/v1/schools", headers={"Authorization": f"Bearer {secret}"}).json()
        assert page["total"] >= 150
    app.state.engine.dispose()


def test_seed_demo_command_is_idempotent(
    empty_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("YUANJIAO_DATABASE_URL", empty_database)
    get_settings.cache_clear()
    try:
        assert main(["migrate"]) == 0
        assert main(["seed-demo"]) == 0
        assert main(["seed-demo"]) == 0
    finally:
        get_settings.cache_clear()
    output = capsys.readouterr().out
    assert "loaded" in output and "already present" in output
    engine = make_engine(empty_database)
    with make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(County)) == 1
        assert (session.scalar(select(func.count()).select_from(School)) or 0) >= 150
    engine.dispose()
