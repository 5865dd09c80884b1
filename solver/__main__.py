"""`python -m solver <command> ...` — the engine without the web app.

Each command lives in ``solver/commands/<name>.py`` and exposes ``add_arguments(parser)`` and
``run(args) -> int``; this file only dispatches, so commands can be added without touching it.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import solver.commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m solver", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for info in sorted(pkgutil.iter_modules(solver.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"solver.commands.{info.name}")
        command = sub.add_parser(info.name, help=(module.__doc__ or "").strip().splitlines()[0])
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
