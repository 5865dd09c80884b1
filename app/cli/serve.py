"""Serve the API (with --demo: migrate, load the demo county, write a coordinator token)."""

from __future__ import annotations

import argparse

import uvicorn

from app.core.config import get_settings
from app.main import create_app


def add_arguments(parser: argparse.ArgumentParser) -> None:
    settings = get_settings()
    parser.add_argument("--demo", action="store_true", help="prepare the demo county first")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if args.demo:
        from app.demo import prepare_demo  # only the demo start needs the seed package

        token_file = prepare_demo(settings)
        print(f"demo coordinator token: {token_file}")
    uvicorn.run(create_app(settings), host=args.host, port=args.port)
    return 0
