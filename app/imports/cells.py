"""Turn what a coordinator typed into a cell into what the create schema expects.

Only the spreadsheet's own conventions live here (weekday names, list separators, Excel's
time and date cells, 是/否). Whether a value is *allowed* is the schema's business: values
this module does not recognise pass through unchanged so the schema reports them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from app.imports.columns import LIST_SEPARATORS, Column


class CellError(ValueError):
    """A cell the spreadsheet conventions cannot read; ``zh`` and ``en`` explain why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


_WEEKDAY_NAMES: dict[str, int] = {}
for _number, (_zh, _en) in enumerate(
    zip("一二三四五六日", ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), strict=True), 1
):
    _full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for _name in (
        f"周{_zh}",
        f"星期{_zh}",
        f"礼拜{_zh}",
        _zh,
        str(_number),
        _en,
        _full[_number - 1],
    ):
        _WEEKDAY_NAMES[_name] = _number
for _name in ("周天", "星期天", "礼拜天", "天"):
    _WEEKDAY_NAMES[_name] = 7

_TRUE = {"是", "在案", "有效", "true", "yes", "y", "1", "√", "✓"}
_FALSE = {"否", "结案", "无效", "false", "no", "n", "0", "×", "✗"}
_SPLIT = re.compile("[" + re.escape(LIST_SEPARATORS) + "]+")
_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str:
    """A cell as text; Excel stores a typed ``0103`` or ``5`` as a number, so undo that."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    return str(value).strip()


def weekday(value: Any) -> int:
    text = as_text(value).lower().removesuffix(".")
    if text in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES[text]
    raise CellError(
        f"无法识别的星期“{text}”（可用 周一…周日、星期一、1…7 或 Mon…Sun）",
        f"unknown weekday '{text}' (use 周一…周日, 星期一, 1…7 or Mon…Sun)",
    )


def split_list(value: Any) -> list[str]:
    return [part for part in _SPLIT.split(as_text(value)) if part]


def clock(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, float) and 0 <= value < 1:
        # A time typed into a General-format cell arrives as a fraction of a day.
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    text = as_text(value)
    match = _CLOCK.match(text)
    return f"{int(match[1]):02d}:{match[2]}" if match else text


def day(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = as_text(value)
    match = _DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass  # 2026-02-30: the schema words the error
    return text


def boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = as_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"“{text}”应为 是 或 否", f"'{text}' should be yes (是) or no (否)")


def number(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return as_text(value).replace(",", "").replace("，", "")


def read_cell(column: Column, value: Any) -> Any:
    """The schema-ready value of a non-blank cell, or :class:`CellError`."""
    kind = column.kind
    if kind in ("text", "code"):
        text = as_text(value)
        return column.choices.get(text, text)
    if kind == "number":
        return number(value)
    if kind == "bool":
        return boolean(value)
    if kind == "clock":
        return clock(value)
    if kind == "date":
        return day(value)
    if kind == "weekday":
        return weekday(value)
    if kind == "weekdays":
        return [weekday(part) for part in split_list(value)]
    # "list" and "codes"
    return split_list(value)
