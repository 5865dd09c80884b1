"""Find the header row, match headers to columns, and set the data rows apart.

The first non-blank row is the header. A second row repeating the same columns in the
other language (the template's English row) is a header too and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.errors import Problem
from app.imports.cells import as_text, is_blank
from app.imports.columns import Column, SheetSpec
from app.imports.problems import CellProblem, cell_problem, file_error, rows_invalid
from app.imports.reading import Table

_NOTE = re.compile(r"[（(][^）)]*[）)]\s*$")
_IGNORED = re.compile(r"[\s_\-*＊:：]")


def normalise(header: str) -> str:
    """``学校代码*``, ``学校代码（必填）`` and ``School_Code`` all become one key."""
    return _IGNORED.sub("", _NOTE.sub("", header.strip())).lower()


def header_keys(column: Column) -> set[str]:
    return {normalise(name) for name in (column.zh, column.en, column.field, *column.aliases)}


@dataclass(frozen=True)
class Placed:
    position: int  # 0-based column index in the sheet
    header: str  # as written in the sheet
    column: Column


@dataclass(frozen=True)
class Layout:
    sheet: str
    header_row: int
    placed: tuple[Placed, ...]
    rows: list[tuple[int, tuple[Any, ...]]]
    warnings: tuple[CellProblem, ...]

    def position_of(self, column: Column) -> int | None:
        return next((p.position for p in self.placed if p.column is column), None)

    def header_of(self, column: Column) -> str:
        return next((p.header for p in self.placed if p.column is column), column.zh)


def layout(spec: SheetSpec, table: Table) -> Layout:
    if not table.rows:
        raise file_error(
            "表格是空的：第一行应为表头",
            "the sheet is empty; row 1 must be the headers",
            code="empty",
        )
    header_row, header_cells = table.rows[0]
    lookup = {key: column for column in spec.columns for key in header_keys(column)}
    placed: list[Placed] = []
    warnings: list[CellProblem] = []
    problems: list[Problem] = []
    for position, cell in enumerate(header_cells):
        if is_blank(cell):
            continue
        header = as_text(cell)
        column = lookup.get(normalise(header))
        if column is None:
            warnings.append(
                cell_problem(
                    table.sheet,
                    header_row,
                    header,
                    position,
                    f"未知的列“{header}”已忽略（可用列见模板或 docs/spreadsheets.md）",
                    f"unknown column '{header}' was ignored (see the template for known columns)",
                )
            )
            continue
        twin = next((p for p in placed if p.column is column), None)
        if twin is not None:
            problems.append(
                cell_problem(
                    table.sheet,
                    header_row,
                    header,
                    position,
                    f"列“{header}”与“{twin.header}”重复",
                    f"column '{header}' repeats '{twin.header}'",
                )
            )
        placed.append(Placed(position, header, column))
    problems += _missing_key_columns(spec, table.sheet, header_row, placed)
    if problems:
        raise rows_invalid(problems, warnings)
    rows = table.rows[1:]
    if rows and _repeats_header(rows[0][1], placed):
        rows = rows[1:]
    if not rows:
        raise file_error(
            "表格只有表头，没有数据行", "the sheet has headers but no data rows", 422, "no_rows"
        )
    return Layout(table.sheet, header_row, tuple(placed), rows, tuple(warnings))


def _missing_key_columns(
    spec: SheetSpec, sheet: str, header_row: int, placed: Sequence[Placed]
) -> list[Problem]:
    present = {p.column.target for p in placed}
    problems: list[Problem] = []
    for key in spec.key:
        column = spec.column_for(key)
        if column is not None and key not in present:
            problems.append(
                cell_problem(
                    sheet,
                    header_row,
                    column.zh,
                    None,
                    f"缺少必需的列“{column.zh}”（{column.en}），无法对应已有数据",
                    f"the required column '{column.en}' ({column.zh}) is missing",
                )
            )
    return problems


def _repeats_header(cells: tuple[Any, ...], placed: Sequence[Placed]) -> bool:
    """True when every non-blank cell names the column above it (the English header row)."""
    by_position = {p.position: p.column for p in placed}
    named = 0
    for position, cell in enumerate(cells):
        if is_blank(cell):
            continue
        column = by_position.get(position)
        if column is None or normalise(as_text(cell)) not in header_keys(column):
            return False
        named += 1
    return named > 0
