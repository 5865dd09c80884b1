"""Run Alembic from code: `yuanjiao migrate`, `serve --demo` and the test fixtures."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

from alembic import command

# alembic.ini sits at the repository root, next to the app package (editable install).
ALEMBIC_INI = Path(__file__).resolve().parents[2] / "alembic.ini"


def alembic_config(database_url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)
