"""Upgrade the database (YUANJIAO_DATABASE_URL) to the newest schema."""

from __future__ import annotations

import argparse

from app.core.config import get_settings
from app.core.migrations import upgrade


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--revision", default="head", help="target revision (default: head)")


def run(args: argparse.Namespace) -> int:
    upgrade(get_settings().database_url, args.revision)
    print(f"database at {args.revision}")
    return 0
