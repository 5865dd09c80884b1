"""Keep children's identities out of the database.

A case is known only by a pseudonymous code. Any string a client sends for a case is
checked for the two things that identify a child in China: a personal name (2–4 Chinese
characters on their own) and an 18-digit resident ID number. Such a request is refused
before anything is stored, and the error never echoes the value back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from pydantic import BeforeValidator

from app.core.messages import yuanjiao_error

NAME_LIKE = re.compile(r"^\s*[\u3400-\u4dbf\u4e00-\u9fff·]{2,4}\s*$")
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def looks_identifying(text: str) -> bool:
    return bool(NAME_LIKE.match(text) or ID_NUMBER.search(text))


def no_personal_data(allowed: Collection[str] = ()) -> BeforeValidator:
    """A validator refusing name- or ID-like strings; ``allowed`` is a fixed vocabulary."""

    def check(value: Any) -> Any:
        if isinstance(value, str) and value not in allowed and looks_identifying(value):
            raise yuanjiao_error(
                "疑似儿童姓名或身份证号：个案只能使用化名编码",
                "looks like a child's name or ID number; cases may only carry a pseudonymous code",
            )
        return value

    validator: Callable[[Any], Any] = check
    return BeforeValidator(validator)
