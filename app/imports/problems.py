"""Problems tied to a place in a sheet, and the errors an upload can end in.

A :class:`CellProblem` is a :class:`Problem` (the service's error detail) that also says
sheet, row (as Excel numbers it) and column header, so the one error shape carries them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from app.core.errors import ApiError, Problem


@dataclass(frozen=True)
class CellProblem(Problem):
    sheet: str
    row: int | None
    column: str


def cell_problem(
    sheet: str, row: int | None, column: str, position: int | None, zh: str, en: str
) -> CellProblem:
    """``position`` is the 0-based column index when the column exists in the sheet."""
    where = sheet
    if position is not None and row is not None:
        where = f"{sheet}!{get_column_letter(position + 1)}{row}"
    elif row is not None:
        where = f"{sheet}!{row}:{row}"
    return CellProblem(where, zh, en, sheet, row, column)


@dataclass
class ImportInvalid(ApiError):
    """422 listing every bad row; warnings (unknown columns) ride along."""

    warnings: Sequence[Problem] = field(default_factory=tuple)

    def body(self) -> dict[str, Any]:
        body = super().body()
        body["error"]["warnings"] = [warning.__dict__ for warning in self.warnings]
        return body


def rows_invalid(problems: Sequence[Problem], warnings: Sequence[Problem]) -> ImportInvalid:
    rows = len({(p.sheet, p.row) for p in problems if isinstance(p, CellProblem)})
    return ImportInvalid(
        422,
        "import_invalid",
        f"表格中有 {rows} 行（共 {len(problems)} 处）有错误，未写入任何数据",
        f"{rows} rows ({len(problems)} problems) have errors; nothing was written",
        problems,
        warnings=warnings,
    )


def file_error(zh: str, en: str, status: int = 422, code: str = "unreadable_file") -> ApiError:
    return ApiError(status, code, zh, en)
