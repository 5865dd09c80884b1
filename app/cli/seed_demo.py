"""Load the fictional demo county (does nothing if it is already there)."""

from __future__ import annotations

import argparse

from app.core.config import get_settings
from app.core.db import make_engine, make_sessionmaker
from app.demo import load_demo


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: fixed)")


def run(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    with make_sessionmaker(engine)() as session:
        county_id, created = load_demo(session, args.seed)
    engine.dispose()
    print(f"demo county id {county_id}: {'loaded' if created else 'already present'}")
    return 0
