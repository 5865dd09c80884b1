"""The look of every workbook we hand out: bold frozen headers, fitted columns, A4 pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SUBHEADER_FONT = Font(italic=True, color="666666")
REQUIRED_FONT = Font(bold=True, color="C00000")
THIN = Side(style="thin", color="999999")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def display_width(value: Any) -> int:
    """Columns are sized in Latin characters; a Chinese character takes two."""
    text = "" if value is None else str(value)
    longest = max((line for line in text.split("\n")), key=len, default="")
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in longest)


def fit_columns(sheet: Worksheet, minimum: int = 6, maximum: int = 48) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                column = cell.column
                widths[column] = max(widths.get(column, 0), display_width(cell.value))
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(maximum, max(minimum, width + 2))


def header_row(sheet: Worksheet, row: int, values: Iterable[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = GRID
        cell.alignment = WRAP


def print_ready(sheet: Worksheet, header_rows: int = 1, title: str = "") -> None:
    """A4 landscape, every column on one page width, the header repeated on each page."""
    sheet.freeze_panes = sheet.cell(row=header_rows + 1, column=1)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = f"1:{header_rows}"
    if title:
        sheet.oddHeader.center.text = title
    sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"


TITLE_FONT = Font(bold=True, size=14)


def titled_table(
    sheet: Worksheet,
    title: str,
    subtitle: str,
    headers: Sequence[str],
    rows: Iterable[list[Any]],
) -> None:
    """A print-ready sheet: title, subtitle, a header row and gridded rows, fitted to A4."""
    sheet["A1"] = title
    sheet["A1"].font = TITLE_FONT
    sheet["A2"] = subtitle
    header_row(sheet, 3, headers)
    for number, values in enumerate(rows, start=4):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            cell.border = GRID
            cell.alignment = WRAP
    # Titles span the sheet; they must not widen the first column.
    saved = (sheet["A1"].value, sheet["A2"].value)
    sheet["A1"].value = sheet["A2"].value = None
    fit_columns(sheet)
    sheet["A1"].value, sheet["A2"].value = saved
    print_ready(sheet, header_rows=3, title=title)
