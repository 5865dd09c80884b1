"""ISO weeks (``2026-W48``): the unit a county plans in, Monday to Sunday."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import Path

from app.core.errors import Problem, invalid

WEEK_PATTERN = r"^\d{4}-W\d{2}$"
_WEEK = re.compile(WEEK_PATTERN)


@dataclass(frozen=True, slots=True)
class IsoWeek:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=k) for k in range(7))

    def __str__(self) -> str:
        return self.label


def week_of(day: date) -> IsoWeek:
    year, number, _ = day.isocalendar()
    return IsoWeek(year, number)


def parse_week(text: str, field: str = "path.week") -> IsoWeek:
    """``2026-W48`` → IsoWeek, or 422 naming ``field`` (W53 only in years that have one)."""
    if _WEEK.match(text):
        year, number = int(text[:4]), int(text[6:])
        try:
            date.fromisocalendar(year, number, 1)
            if year >= 2000:
                return IsoWeek(year, number)
        except ValueError:
            pass
    raise invalid(
        [
            Problem(
                field,
                "周次格式应为 YYYY-Www（如 2026-W48），且须是该年存在的周",
                "week must be an ISO week like 2026-W48 that exists in that year",
            )
        ]
    )


WeekParam = Annotated[
    str, Path(description="ISO week, e.g. 2026-W48", examples=["2026-W48"], max_length=8)
]
