"""Run a solve worker on PostgreSQL; any number of them, on any host, share the queue."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from app.core.config import get_settings
from app.core.db import make_engine, make_sessionmaker
from app.jobs.queue import Runtime, make_queue_app, uses_postgres, worker_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR")
    )


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not uses_postgres(settings):
        print(
            "error: `yuanjiao worker` needs PostgreSQL (YUANJIAO_DATABASE_URL=postgresql+psycopg://…)."
            " On SQLite the embedded default runs the worker inside `yuanjiao serve`.\n"
            "错误：工作进程需要 PostgreSQL；"
            "使用内置 SQLite 时，求解在 `yuanjiao serve` 进程内运行。",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(
        level=args.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    engine = make_engine(settings.database_url)
    app = make_queue_app(Runtime(make_sessionmaker(engine), settings))

    async def work() -> None:
        async with app.open_async():
            await app.run_worker_async(**worker_options(settings))

    try:
        asyncio.run(work())
    finally:
        engine.dispose()
    return 0
