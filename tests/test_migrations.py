"""The schema comes only from Alembic migrations, and they match the models."""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import app.models  # noqa: F401  (registers every table)
from app.core.db import Base, make_engine
from app.core.migrations import downgrade, upgrade
from tests.conftest import fresh_database_url


def test_migrations_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], (
        "a model changed without a migration (alembic revision --autogenerate)"
    )


def test_downgrade_to_base_and_back_up() -> None:
    with tempfile.TemporaryDirectory(prefix="yuanjiao-mig-") as tmp:
        for url in fresh_database_url(Path(tmp)):
            upgrade(url)
            downgrade(url, "base")
            engine = make_engine(url)
            assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
            engine.dispose()
            upgrade(url)
            engine = make_engine(url)
            assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
            engine.dispose()
