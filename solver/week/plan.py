"""The weekly plan: routes per staff-day, what was left out and why, and the KPIs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Session:
    demand: str  # a need id or a case code
    start: int
    end: int
    carry_over: bool = False  # makes up a session missed in an earlier week
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class Visit:
    """One stop at one school: consecutive sessions there form one visit block."""

    school: str
    arrival: int
    sessions: tuple[Session, ...]
    travel_minutes: int  # from the previous school or the base

    @property
    def start(self) -> int:
        return self.sessions[0].start

    @property
    def end(self) -> int:
        return self.sessions[-1].end


@dataclass(frozen=True, slots=True)
class StaffDay:
    staff: str
    day: int
    leave: int
    back: int
    travel_minutes: int  # including the drive back to base
    work_minutes: int
    lunch: int | None  # start of the staff's lunch break, when they have one
    visits: tuple[Visit, ...]


@dataclass(frozen=True, slots=True)
class Unplaced:
    demand: str
    school: str
    sessions: int  # how many of the week's sessions are missing
    reason: str  # see solver.week.explain.REASONS
    detail: str
    # Staff-days that could have done it, each with what it did instead.
    competitors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Spread:
    min: float
    median: float
    max: float


@dataclass(frozen=True, slots=True)
class Kpis:
    sessions_requested: int
    sessions_placed: int
    weighted_requested: float
    weighted_coverage: float
    bound: float
    coverage_to_bound: float
    teaching_points_unvisited: tuple[str, ...]
    travel_total: int
    travel_per_staff: Spread
    work_per_staff: Spread
    changes: int  # visits that differ from the previous plan (moved, added or dropped)


@dataclass(frozen=True, slots=True)
class Plan:
    status: str  # "feasible", "infeasible" (nothing placed) or "timeout" (from the router)
    routes: tuple[StaffDay, ...]
    unplaced: tuple[Unplaced, ...]
    kpis: Kpis
    seed: int
    iterations: int
    elapsed_seconds: float
