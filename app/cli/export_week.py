"""Write a county's week as solver instance JSON (`python -m solver week FILE` solves it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import select

from app.core.config import get_settings
from app.core.db import make_engine, make_sessionmaker
from app.core.errors import ApiError
from app.counties.models import County
from app.planning.instance import build_week
from app.planning.weeks import parse_week
from solver.week.io import dump_week


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--county", required=True, help="county id or code, e.g. QCX")
    parser.add_argument("--week", required=True, help="ISO week, e.g. 2026-W48")
    parser.add_argument("-o", "--output", type=Path, default=None, help="default: stdout")


def run(args: argparse.Namespace) -> int:
    week = parse_week(args.week, "--week")
    engine = make_engine(get_settings().database_url)
    with make_sessionmaker(engine)() as session:
        county_id = session.scalar(
            select(County.id).where(
                (County.code == args.county)
                | (County.id == (int(args.county) if args.county.isdigit() else -1))
            )
        )
        if county_id is None:
            raise ApiError(404, "not_found", "未找到该县", f"No county {args.county}")
        text = dump_week(build_week(session, county_id, week).week)
    engine.dispose()
    if args.output is None:
        print(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0
