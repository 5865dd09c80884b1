"""One settings object, read from ``YUANJIAO_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="YUANJIAO_")

    # SQLite keeps `make run` dependency-free; PostgreSQL via postgresql+psycopg://…
    database_url: str = "sqlite:///var/yuanjiao.sqlite3"
    demo_token_file: Path = Path("var/demo-coordinator.token")
    host: str = "127.0.0.1"
    port: int = 8000
    page_size_max: int = 500
    # Spreadsheet and travel-matrix uploads; a county's largest sheet is well under 1 MB.
    upload_max_bytes: int = 10 * 1024 * 1024
    # Any other request body (JSON); the largest real one, a bulk edit, is a few KB.
    body_max_bytes: int = 1024 * 1024
    # Per bearer token, per worker process (app/core/limits.py); 0 turns it off. A phone
    # asks a few times a day; this stops a runaway client, yet leaves room for a
    # coordinator's scripts and for the test suite's busiest token on a fast machine.
    rate_limit_per_second: float = 100.0
    rate_limit_burst: float = 1000.0
    # Weekly solves (app/solves, app/jobs): searches side by side per solve, the longest
    # time limit a coordinator may ask, and how a lost worker is noticed and retried.
    solve_search_workers: int = 2
    solve_max_seconds: float = 600.0
    solve_max_attempts: int = 2
    worker_heartbeat_seconds: float = 10.0
    worker_stalled_seconds: float = 30.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
