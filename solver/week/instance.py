"""A county's week as the bureau describes it: staff, schools, needs, cases, roads.

Times are minutes after midnight; days are indices into ``Week.days``. Everything is frozen:
the solver never changes its input, and a week can be hashed, cached and compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from solver.week.weights import Weights

PSYCHOLOGY = "psychology"  # the skill every case needs


class StaffKind(StrEnum):
    SQUAD = "squad"  # 艺体援教小分队: travels as one team
    PSYCHOLOGY = "psychology"  # 心理健康教师: one-to-one cases
    STUDIO = "studio"  # 名师工作室
    BACKBONE = "backbone"  # 骨干教师


class SchoolKind(StrEnum):
    TEACHING_POINT = "teaching_point"  # 教学点
    VILLAGE = "village"  # 村小
    CENTRAL = "central"  # 中心校
    JUNIOR = "junior"  # 初中
    URBAN = "urban"  # 城区学校


class PairingMode(StrEnum):
    HARD = "hard"  # a paired squad never leaves its townships
    SOFT = "soft"  # it may, at Weights.unpaired_visit_cost per visit


@dataclass(frozen=True, slots=True)
class Day:
    label: str  # "mon" or an ISO date; only shown to people


@dataclass(frozen=True, slots=True)
class Base:
    """Where staff start and end their day (the county town, a township centre)."""

    id: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Lunch:
    """A rest of ``minutes`` starting between ``earliest`` and ``latest``."""

    earliest: int
    latest: int
    minutes: int


@dataclass(frozen=True, slots=True)
class Availability:
    day: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Staff:
    """A squad or a teacher; one availability window per day they work."""

    id: str
    kind: StaffKind
    base: str
    skills: frozenset[str]
    availability: tuple[Availability, ...]
    max_work_minutes: int = 360
    max_travel_minutes: int = 300
    lunch: Lunch | None = None
    # Townships this squad is paired with (对接乡镇); empty means unpaired, free to go anywhere.
    townships: frozenset[str] = frozenset()

    def window(self, day: int) -> Availability | None:
        return next((a for a in self.availability if a.day == day), None)


@dataclass(frozen=True, slots=True)
class School:
    id: str
    township: str
    kind: SchoolKind
    lat: float
    lon: float
    pupils: int = 0
    left_behind: int = 0
    opens: int = 8 * 60
    closes: int = 17 * 60 + 30
    lunch_start: int = 12 * 60
    lunch_end: int = 14 * 60
    closed_days: frozenset[int] = frozenset()

    def session_windows(self, minutes: int) -> tuple[tuple[int, int], ...]:
        """Allowed start times of a session: inside opening hours, never across lunch."""
        windows = []
        for start, end in ((self.opens, self.lunch_start), (self.lunch_end, self.closes)):
            if end - minutes >= start:
                windows.append((start, end - minutes))
        return tuple(windows)


@dataclass(frozen=True, slots=True)
class Need:
    """A school asks for ``sessions`` sessions a week of one skill, on different days."""

    id: str
    school: str
    skill: str
    sessions: int
    minutes: int
    priority: int = 1
    preferred_days: frozenset[int] = frozenset()
    # Sessions missed in earlier weeks; each raises the weight of this week's sessions.
    carry_over: int = 0


@dataclass(frozen=True, slots=True)
class Case:
    """A pupil (pseudonymous code only) who always sees the same psychology teacher."""

    code: str
    school: str
    teacher: str
    sessions: int = 1
    minutes: int = 40
    priority: int = 2
    carry_over: int = 0


@dataclass(frozen=True, slots=True)
class Pin:
    """A visit a coordinator fixed by hand: this need or case, by this staff, on this day."""

    demand: str
    staff: str
    day: int


@dataclass(frozen=True, slots=True)
class PreviousVisit:
    demand: str
    staff: str
    day: int
    start: int = 0


@dataclass(frozen=True, slots=True)
class TravelMatrix:
    """Minutes from location to location; locations are base ids and school ids."""

    locations: tuple[str, ...]
    minutes: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Week:
    days: tuple[Day, ...]
    bases: tuple[Base, ...]
    staff: tuple[Staff, ...]
    schools: tuple[School, ...]
    needs: tuple[Need, ...] = ()
    cases: tuple[Case, ...] = ()
    travel: TravelMatrix | None = None
    # Without a travel matrix: minutes = great-circle km × detour ÷ speed_kmh × 60.
    detour: float = 1.3
    speed_kmh: float = 45.0
    pairing: PairingMode = PairingMode.SOFT
    pins: tuple[Pin, ...] = ()
    previous: tuple[PreviousVisit, ...] = ()
    weights: Weights = field(default_factory=Weights)
