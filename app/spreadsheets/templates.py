"""Import templates: the headers of :mod:`app.imports.columns`, an example, drop-downs.

Sheet 1 (to fill in): row 1 the Chinese headers (each with a comment giving the English
name and what to type), row 2 the English headers, data from row 3. The importer reads
either header row and skips the second. Sheet 2 holds one example row; a hidden sheet
holds the drop-down lists (school kinds, the county's skills, weekdays, …), because Excel
caps an inline list at 255 characters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.imports.columns import Column, SheetSpec
from app.spreadsheets.styling import REQUIRED_FONT, SUBHEADER_FONT, fit_columns, header_row

FILL_ROWS = 2000  # rows below the headers that carry drop-downs and text formats
LISTS_SHEET = "选项 lists"
MULTI_VALUE = ("list", "codes", "weekdays")


def template_workbook(spec: SheetSpec, skills: Sequence[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"{spec.label.zh} {spec.entity}"[:31]
    _headers(sheet, spec.columns, FILL_ROWS)
    example = workbook.create_sheet("示例 example")
    _headers(example, spec.columns, 1)
    for position, column in enumerate(spec.columns, start=1):
        example.cell(row=3, column=position, value=_example(column, skills))
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    _drop_downs(sheet, lists, spec.columns, skills)
    for target in (sheet, example):
        fit_columns(target)
        target.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _headers(sheet: Worksheet, columns: Sequence[Column], text_rows: int) -> None:
    header_row(sheet, 1, [column.zh for column in columns])
    for position, column in enumerate(columns, start=1):
        zh_cell = sheet.cell(row=1, column=position)
        note = f"{column.en}\n{column.note_zh}\n{column.note_en}".strip()
        if column.required:
            zh_cell.font = REQUIRED_FONT
            note = f"必填 required\n{note}"
        zh_cell.comment = Comment(note, "援教 Yuanjiao", width=260, height=110)
        en_cell = sheet.cell(row=2, column=position, value=column.en)
        en_cell.font = SUBHEADER_FONT
        if column.kind in ("code", "clock", "list", "codes", "weekdays"):
            # Text format keeps Excel from turning 0103 into 103 or 08:00 into 0.333.
            for row in range(3, text_rows + 3):
                sheet.cell(row=row, column=position).number_format = "@"


def _example(column: Column, skills: Sequence[str]) -> object:
    if column.options == "skills" and skills:
        return "、".join(skills[:2]) if column.kind == "list" else skills[0]
    return column.example


def _drop_downs(
    sheet: Worksheet, lists: Worksheet, columns: Sequence[Column], skills: Sequence[str]
) -> None:
    list_column = 0
    for position, column in enumerate(columns, start=1):
        options = list(skills) if column.options == "skills" else list(column.options)
        if not options:
            continue
        list_column += 1
        letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=column.zh)
        for row, option in enumerate(options, start=2):
            lists.cell(row=row, column=list_column, value=option)
        source = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(options) + 1}"
        multi = column.kind in MULTI_VALUE
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            # A list cell holds several values (合唱、书法): offer the list, do not refuse.
            showErrorMessage=not multi,
            errorTitle="无效的值 invalid value",
            error=f"请从列表中选择 / choose from the list: {column.zh}",
            promptTitle=column.zh,
            prompt="多个值用顿号分隔 several: 、" if multi else "从列表中选择 choose one",
            showInputMessage=True,
        )
        target = get_column_letter(position)
        validation.add(f"{target}3:{target}{FILL_ROWS + 2}")
        sheet.add_data_validation(validation)
