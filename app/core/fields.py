"""Field types every write schema reuses, so a rule (e.g. "inside China") lives once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from app.core.messages import yuanjiao_error

# China's bounding box: a point outside it is a typo (swapped lat/lon, missing decimal point).
Latitude = Annotated[float, Field(ge=18, le=54, description="纬度 latitude, WGS-84")]
Longitude = Annotated[float, Field(ge=73, le=135, description="经度 longitude, WGS-84")]

Clock = Annotated[
    str,
    Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, 24h", examples=["08:00"]),
]
Weekday = Annotated[int, Field(ge=1, le=7, description="ISO weekday: 1 = Monday … 7 = Sunday")]
Code = Annotated[
    str,
    Field(
        min_length=1,
        max_length=32,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="the county's own code (letters, digits, - _ .)",
    ),
]
# Ids fit PostgreSQL's INTEGER; anything larger cannot exist and must not reach the driver.
MAX_ID = 2**31 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Skill = Annotated[str, Field(min_length=1, max_length=30)]
Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
Priority = Annotated[int, Field(ge=1, le=5, description="1 = lowest … 5 = most urgent")]


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _no_duplicates(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise yuanjiao_error("不能包含重复项", "must not contain duplicates")
    return values


Skills = Annotated[list[Skill], Field(max_length=30), AfterValidator(_no_duplicates)]
Weekdays = Annotated[list[Weekday], Field(max_length=7), AfterValidator(_no_duplicates)]
Ids = Annotated[list[Id], Field(max_length=50), AfterValidator(_no_duplicates)]


def chinese_choice(choices: Mapping[str, str]) -> BeforeValidator:
    """Accept the bureau's Chinese value or its English alias; store the Chinese one."""

    def to_chinese(value: Any) -> Any:
        return choices.get(value, value) if isinstance(value, str) else value

    return BeforeValidator(to_chinese)


class Slot(BaseModel):
    """One window of weekly availability, e.g. Tuesday 08:00–17:30."""

    model_config = ConfigDict(extra="forbid")

    weekday: Weekday
    start: Clock
    end: Clock

    @model_validator(mode="after")
    def _ordered(self) -> Slot:
        if minutes_of(self.start) >= minutes_of(self.end):
            raise yuanjiao_error("开始时间必须早于结束时间", "start must be before end")
        return self


Availability = Annotated[list[Slot], Field(max_length=21)]
