"""zh-CN and English wording for Pydantic's validation errors.

Our own validators raise ``PydanticCustomError("yuanjiao", en, {"zh": …, "en": …})`` so
they carry both languages; Pydantic's built-in errors are translated from their type.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

_ZH: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段",
    "greater_than": "必须大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "必须小于 {lt}",
    "less_than_equal": "不能大于 {le}",
    "string_too_short": "长度不能少于 {min_length}",
    "string_too_long": "长度不能超过 {max_length}",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "string_pattern_mismatch": "格式不正确",
    "int_parsing": "必须是整数",
    "int_type": "必须是整数",
    "int_from_float": "必须是整数",
    "float_parsing": "必须是数字",
    "float_type": "必须是数字",
    "bool_parsing": "必须是布尔值",
    "string_type": "必须是字符串",
    "list_type": "必须是列表",
    "dict_type": "必须是对象",
    "model_type": "必须是对象",
    "literal_error": "取值必须是 {expected} 之一",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "json_invalid": "JSON 格式错误",
    "finite_number": "必须是有限数字",
}


def yuanjiao_error(zh: str, en: str) -> PydanticCustomError:
    return PydanticCustomError("yuanjiao", en, {"zh": zh, "en": en})


def translate_pydantic_error(error: Any) -> tuple[str, str]:
    context = error.get("ctx") or {}
    english = str(error.get("msg", "Invalid value"))
    if error.get("type") == "yuanjiao":
        return str(context["zh"]), str(context["en"])
    template = _ZH.get(error.get("type", ""))
    if template is None:
        return f"取值无效（{english}）", english
    try:
        return template.format(**context), english
    except (KeyError, IndexError):
        return template, english
