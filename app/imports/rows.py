"""One sheet row → the dict the create schema validates, with problems pinned to cells."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.core.fields import MAX_ID
from app.core.messages import translate_pydantic_error
from app.core.models import Entity
from app.imports.cells import CellError, is_blank, read_cell
from app.imports.columns import Column, SheetSpec
from app.imports.layout import Layout
from app.imports.problems import CellProblem, cell_problem

BLANK: Any = object()  # an empty cell in a column the sheet has: "use the default"


@dataclass
class RowValues:
    """What one row says, keyed by schema field; BLANK where the cell is empty."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    # Same-sheet references (a school's 对口学校 created by this sheet): field → code.
    pending: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class RowContext:
    """Pins problems of one sheet to cells: sheet name, row number, header, column letter."""

    def __init__(self, spec: SheetSpec, layout: Layout) -> None:
        self.spec = spec
        self.layout = layout

    def problem(self, row: int, target: str, zh: str, en: str) -> CellProblem:
        column = self.spec.column_for(target)
        if column is None:
            return cell_problem(self.layout.sheet, row, target, None, zh, en)
        header = self.layout.header_of(column)
        return cell_problem(
            self.layout.sheet,
            row,
            header,
            self.layout.position_of(column),
            f"{header}：{zh}",
            f"{column.en}: {en}",
        )

    def pydantic(self, row: int, error: ValidationError, rows: Sequence[int] = ()) -> list[Problem]:
        """Schema errors → cell problems; ``rows`` maps list positions (availability) to rows."""
        problems: list[Problem] = []
        for detail in error.errors():
            location = detail["loc"]
            target = str(location[0]) if location else "row"
            where = row
            if rows and len(location) > 1 and isinstance(location[1], int):
                where = rows[location[1]] if location[1] < len(rows) else row
                target = str(location[2]) if len(location) > 2 else target
            zh, en = translate_pydantic_error(detail)
            problems.append(self.problem(where, target, zh, en))
        return problems

    def checked(self, row: int, problems: Sequence[Problem]) -> list[Problem]:
        """The service's own problems (``body.<field>``) pinned to this row's cells."""
        return [
            self.problem(row, p.field.removeprefix("body."), p.message, p.message_en)
            for p in problems
        ]


def read_row(context: RowContext, number: int, cells: Sequence[Any]) -> RowValues:
    row = RowValues(number)
    for placed in context.layout.placed:
        column = placed.column
        value = cells[placed.position] if placed.position < len(cells) else None
        if is_blank(value):
            row.values[column.field] = BLANK
            continue
        try:
            row.values[column.field] = read_cell(column, value)
        except CellError as err:
            row.problems.append(context.problem(number, column.field, err.zh, err.en))
    return row


def code_maps(
    session: Session, county_id: int | None, columns: Sequence[Column]
) -> dict[type[Entity], dict[str, int]]:
    """code → id of every referenced table, one query per table (never one per row)."""
    maps: dict[type[Entity], dict[str, int]] = {}
    for column in columns:
        reference = column.reference
        if reference is None or reference.model in maps:
            continue
        model: Any = reference.model
        pairs = session.execute(select(model.code, model.id).where(model.county_id == county_id))
        maps[reference.model] = {code: row_id for code, row_id in pairs}
    return maps


def resolve_references(
    context: RowContext,
    row: RowValues,
    maps: Mapping[type[Entity], Mapping[str, int]],
    new_codes: Collection[str],
) -> None:
    """Replace ``*_code`` values by the ids the schema wants, reporting unknown codes."""
    for placed in context.layout.placed:
        column = placed.column
        reference = column.reference
        if reference is None or column.field not in row.values:
            continue
        raw = row.values.pop(column.field)
        if raw is BLANK:
            row.values[reference.target] = BLANK
            continue
        known = maps[reference.model]
        codes = raw if isinstance(raw, list) else [raw]
        ids = []
        for code in codes:
            if code in known:
                ids.append(known[code])
            elif reference.same_sheet and code in new_codes:
                row.pending[reference.target] = code
            else:
                # The row has failed already; a stand-in id keeps the schema from adding a
                # second, vaguer complaint ("missing") about the same cell.
                ids.append(MAX_ID)
                row.problems.append(
                    context.problem(
                        row.number,
                        column.field,
                        f"本县没有代码为 {code} 的{reference.label.zh}",
                        f"no {reference.label.en} with code {code} in this county",
                    )
                )
        if reference.target in row.pending:
            row.values[reference.target] = None  # set once the new row has an id
        else:
            row.values[reference.target] = ids if reference.many else (ids[0] if ids else BLANK)


def merged(current: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The row as it would be: current values, overwritten by the sheet's cells.

    Columns the sheet lacks keep their current value (or the schema default for a new
    row); an empty cell means the schema default, exactly as leaving out a field in POST.
    """
    result = dict(current)
    for name, value in values.items():
        if value is BLANK:
            result.pop(name, None)
        else:
            result[name] = value
    return result


def validate(
    schema: type[BaseModel], data: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, ValidationError | None]:
    try:
        return schema.model_validate(data).model_dump(), None
    except ValidationError as error:
        return None, error


def snapshot(row: Entity, schema: type[BaseModel]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in schema.model_fields}
