"""docs/spreadsheets.md documents every header the importer accepts."""

from __future__ import annotations

from pathlib import Path

from app.imports.columns import SHEETS
from app.imports.layout import header_keys

DOC = Path(__file__).resolve().parents[2] / "docs" / "spreadsheets.md"


def test_every_header_and_alias_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{spec.entity}: {name}"
        for spec in SHEETS.values()
        for column in spec.columns
        for name in (column.zh, column.en, *column.aliases)
        if name not in text
    ]
    assert missing == []


def test_no_header_means_two_columns_of_one_sheet() -> None:
    for spec in SHEETS.values():
        seen: dict[str, str] = {}
        for column in spec.columns:
            for key in header_keys(column):
                assert seen.setdefault(key, column.field) == column.field, (spec.entity, key)
