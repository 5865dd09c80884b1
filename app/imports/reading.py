"""Read an uploaded .xlsx or .csv into rows of cell values, refusing what is not a sheet.

The format is decided from the bytes, not the file name: Excel and WPS users rename files,
and a binary called ``.csv`` must get a clear 4xx rather than a 500. CSV text is UTF-8 (with
or without BOM, as Excel's "CSV UTF-8" writes it), UTF-16 with BOM ("Unicode text") or
GB18030 (what Chinese Windows Excel and WPS write by default).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any, BinaryIO

from openpyxl import load_workbook

from app.core.errors import ApiError
from app.imports.problems import file_error

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls / .et
MAX_ROWS = 50_000
MAX_COLUMNS = 200
# A 10 MB .xlsx can unpack to gigabytes (a "zip bomb"); real county sheets unpack to < 50 MB.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Table:
    sheet: str
    # (row number as Excel shows it, cell values), blank rows left out
    rows: list[tuple[int, tuple[Any, ...]]]


def read_upload(stream: BinaryIO, filename: str, max_bytes: int) -> bytes:
    content = stream.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise file_error(
            f"文件过大（上限 {max_bytes // (1024 * 1024)} MB），请分批导入",
            f"the file is larger than {max_bytes // (1024 * 1024)} MB; split it",
            413,
            "file_too_large",
        )
    if not content.strip():
        raise file_error(f"文件 {filename} 是空的", f"the file {filename} is empty", 422, "empty")
    return content


def read_table(content: bytes, filename: str) -> Table:
    if content.startswith(XLSX_MAGIC):
        return _read_xlsx(content, filename)
    if content.startswith(OLE_MAGIC):
        raise file_error(
            "不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV",
            "old binary .xls files are not supported; save as .xlsx or CSV",
            415,
            "unsupported_file",
        )
    return _read_csv(content, filename)


def _read_xlsx(content: bytes, filename: str) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise _unreadable(filename, err) from err
    if unpacked > MAX_UNPACKED_BYTES:
        raise file_error(
            "文件解压后过大，请分批导入",
            "the workbook unpacks to more than 200 MB; split it",
            413,
            "file_too_large",
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as err:
        raise _unreadable(filename, err) from err
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 2:
                raise _too_many_rows()
            cells = tuple(values[:MAX_COLUMNS])
            if any(not _blank(value) for value in cells):
                rows.append((number, cells))
        return Table(sheet.title, rows)
    except ApiError:
        raise
    except Exception as err:  # openpyxl raises many kinds on a damaged part
        raise _unreadable(filename, err) from err
    finally:
        workbook.close()


def _read_csv(content: bytes, filename: str) -> Table:
    text = _decode(content, filename)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise _unreadable(filename, err) from err
    if len(records) > MAX_ROWS + 2:
        raise _too_many_rows()
    rows = [
        (number, tuple(record[:MAX_COLUMNS]))
        for number, record in enumerate(records, start=1)
        if any(not _blank(value) for value in record)
    ]
    return Table(filename.rsplit(".", 1)[0] or "CSV", rows)


def _decode(content: bytes, filename: str) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        if b"\x00" in content:
            raise _not_a_sheet(filename)
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any bytes; control characters betray a binary file.
        controls = sum(1 for ch in text if ch < " " and ch not in "\r\n\t")
        if controls > len(text) // 100:
            raise _not_a_sheet(filename)
        return text
    raise file_error(
        f"无法识别 {filename} 的文字编码，请保存为 UTF-8 或 GB18030 编码的 CSV",
        f"cannot tell the text encoding of {filename}; save it as UTF-8 or GB18030 CSV",
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _not_a_sheet(filename: str) -> ApiError:
    return file_error(
        f"{filename} 不是 .xlsx 或 CSV 表格文件",
        f"{filename} is neither an .xlsx workbook nor a CSV text file",
        415,
        "unsupported_file",
    )


def _unreadable(filename: str, err: Exception) -> ApiError:
    return file_error(
        f"无法读取 {filename}：文件已损坏或不是 .xlsx 表格",
        f"cannot read {filename}: the file is damaged or not an .xlsx workbook "
        f"({type(err).__name__})",
    )


def _too_many_rows() -> ApiError:
    return file_error(
        f"表格超过 {MAX_ROWS} 行，请分批导入",
        f"the sheet has more than {MAX_ROWS} rows; split it",
        413,
        "too_many_rows",
    )
