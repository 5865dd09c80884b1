"""The demo county as plain records. References between records are by ``code``; the
loader in ``app.demo`` turns them into database ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Township:
    code: str
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class School:
    code: str
    name: str
    kind: str
    township_code: str
    latitude: float
    longitude: float
    address: str
    pupils: int
    left_behind_pupils: int
    day_start: str = "08:00"
    day_end: str = "17:30"
    lunch_start: str = "12:00"
    lunch_end: str = "14:00"
    closed_weekdays: tuple[int, ...] = (6, 7)
    paired_school_code: str | None = None


@dataclass(frozen=True)
class Slot:
    weekday: int
    start: str
    end: str


@dataclass(frozen=True)
class Visitor:
    """A squad or a teacher: someone who drives out to schools."""

    code: str
    name: str
    skills: tuple[str, ...]
    base_latitude: float
    base_longitude: float
    availability: tuple[Slot, ...]
    max_work_minutes: int
    max_travel_minutes: int
    lunch_minutes: int = 60


@dataclass(frozen=True)
class Squad(Visitor):
    members: int = 4
    paired_township_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Teacher(Visitor):
    role: str = "psychology"
    base_school_code: str | None = None


@dataclass(frozen=True)
class Case:
    code: str
    school_code: str
    teacher_code: str
    category: str
    sessions_per_week: int
    minutes: int


@dataclass(frozen=True)
class Need:
    school_code: str
    skill: str
    sessions_per_week: int
    minutes: int
    preferred_weekdays: tuple[int, ...]
    priority: int
    valid_from: date
    valid_to: date


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    start_date: date
    end_date: date


@dataclass(frozen=True)
class Post:
    code: str
    term_code: str
    host_school_code: str
    direction: str
    phase: str
    seats: int
    wanted_subjects: tuple[str, ...]
    priority: int


@dataclass(frozen=True)
class VicePrincipal:
    code: str
    name: str
    home_school_code: str
    phase: str
    subject: str
    years_of_service: int
    commute_limit_km: float
    max_distance_from_home_km: float | None
    preference_codes: tuple[str, ...]


@dataclass(frozen=True)
class Closure:
    start_date: date
    end_date: date
    reason: str


@dataclass(frozen=True)
class County:
    code: str
    name: str
    skills: tuple[str, ...]
    pairing_mode: str
    detour_factor: float
    road_speed_kmh: float
    townships: tuple[Township, ...] = ()
    schools: tuple[School, ...] = ()
    squads: tuple[Squad, ...] = ()
    teachers: tuple[Teacher, ...] = ()
    cases: tuple[Case, ...] = ()
    needs: tuple[Need, ...] = ()
    terms: tuple[Term, ...] = ()
    posts: tuple[Post, ...] = ()
    vice_principals: tuple[VicePrincipal, ...] = ()
    closures: tuple[Closure, ...] = field(default=())
