"""The ``yuanjiao`` command. Each subcommand is one module in this package exposing
``add_arguments(parser)`` and ``run(args) -> int``; adding a module adds a command
(``seed_demo.py`` becomes ``yuanjiao seed-demo``)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from app.core.errors import ApiError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="yuanjiao", description="援教 Yuanjiao service")
    sub = parser.add_subparsers(dest="command", required=True)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        summary = (module.__doc__ or "").strip().splitlines()[0]
        command = sub.add_parser(info.name.replace("_", "-"), help=summary, description=summary)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ApiError as error:
        # Same wording as the API, so a coordinator reads one vocabulary everywhere.
        details = "; ".join(f"{p.field}: {p.message_en}" for p in error.details)
        print(f"error: {error.message} / {error.message_en} {details}".rstrip(), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
