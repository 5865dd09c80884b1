"""Travel-time providers: each turns a list of places into a square matrix of minutes."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from solver.geo import great_circle_km, road_minutes

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Place:
    """A base or a school: the county's own code and where it is."""

    code: str
    lat: float
    lon: float


class TravelError(Exception):
    """A provider could not give travel times; ``message`` is zh-CN, ``message_en`` English."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message = message
        self.message_en = message_en


class TravelProvider(Protocol):
    @property
    def name(self) -> str: ...

    def minutes(self, places: Sequence[Place]) -> list[list[int]]:
        """Minutes from ``places[i]`` to ``places[j]``; 0 on the diagonal."""
        ...


@dataclass(frozen=True, slots=True)
class GreatCircleProvider:
    """Straight-line distance × the county's detour factor ÷ its average road speed."""

    detour_factor: float = 1.3
    speed_kmh: float = 45.0
    name: str = "great_circle"

    def minutes(self, places: Sequence[Place]) -> list[list[int]]:
        return [
            [
                0
                if i == j
                else road_minutes(
                    great_circle_km(a.lat, a.lon, b.lat, b.lon), self.detour_factor, self.speed_kmh
                )
                for j, b in enumerate(places)
            ]
            for i, a in enumerate(places)
        ]


@dataclass(frozen=True, slots=True)
class MatrixProvider:
    """Minutes a coordinator uploaded as (from code, to code, minutes) rows.

    Pairs the sheet does not mention come from ``fallback``: a coordinator who knows the slow
    mountain roads uploads those and lets the estimate cover the rest.
    """

    known: Mapping[tuple[str, str], int]
    fallback: TravelProvider = field(default_factory=GreatCircleProvider)
    name: str = "matrix"

    def minutes(self, places: Sequence[Place]) -> list[list[int]]:
        estimate = self.fallback.minutes(places)
        for i, a in enumerate(places):
            for j, b in enumerate(places):
                if i != j and (a.code, b.code) in self.known:
                    estimate[i][j] = self.known[(a.code, b.code)]
        return estimate


@dataclass(frozen=True, slots=True)
class WithFallback:
    """Ask ``primary``; if it fails, log why and use ``fallback`` instead of failing the solve."""

    primary: TravelProvider
    fallback: TravelProvider
    name: str = "with_fallback"

    def minutes(self, places: Sequence[Place]) -> list[list[int]]:
        try:
            return self.primary.minutes(places)
        except TravelError as err:
            log.warning(
                "travel provider %s failed (%s); using %s",
                self.primary.name,
                err.message_en,
                self.fallback.name,
            )
            return self.fallback.minutes(places)
