"""Subcommands of `python -m solver`, one module each (see solver/__main__.py)."""
