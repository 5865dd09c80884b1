"""Needs and cases seen alike: something a school wants k times this week, on k days.

The model, the bound, the checker and the explanations all reason about demands, so a need
(any skill, any qualified staff) and a case (psychology, its own teacher only) differ only in
who may serve them.
"""

from __future__ import annotations

from dataclasses import dataclass

from solver.week.instance import PSYCHOLOGY, PairingMode, School, SchoolKind, Staff, Week
from solver.week.weights import Weights


@dataclass(frozen=True, slots=True)
class Demand:
    id: str
    is_case: bool
    school: str
    skill: str
    sessions: int
    minutes: int
    priority: int
    carry_over: int
    preferred_days: frozenset[int]
    teacher: str | None  # a case's fixed teacher

    def session_value(self, school: School, weights: Weights) -> float:
        """Priority × need weight: what one placed session adds to weighted coverage."""
        return self.priority * need_weight(
            school, min(self.carry_over, weights.carry_over_cap), weights
        )


def need_weight(school: School, carry_over: int, weights: Weights) -> float:
    weight = 1.0 + weights.carry_over_bonus * carry_over
    if school.kind == SchoolKind.TEACHING_POINT:
        weight += weights.teaching_point_bonus
    if school.pupils > 0:
        weight += weights.left_behind_bonus * min(1.0, school.left_behind / school.pupils)
    return weight


def demands_of(week: Week) -> tuple[Demand, ...]:
    needs = tuple(
        Demand(
            n.id,
            False,
            n.school,
            n.skill,
            n.sessions,
            n.minutes,
            n.priority,
            n.carry_over,
            n.preferred_days,
            None,
        )
        for n in week.needs
    )
    cases = tuple(
        Demand(
            c.code,
            True,
            c.school,
            PSYCHOLOGY,
            c.sessions,
            c.minutes,
            c.priority,
            c.carry_over,
            frozenset(),
            c.teacher,
        )
        for c in week.cases
    )
    return needs + cases


def may_serve(staff: Staff, demand: Demand, school: School, pairing: PairingMode) -> bool:
    """Skill, case continuity and hard pairing: who is allowed at all, any day."""
    if demand.teacher is not None:
        return staff.id == demand.teacher
    if demand.skill not in staff.skills:
        return False
    return not (pairing == PairingMode.HARD and is_unpaired(staff, school))


def is_unpaired(staff: Staff, school: School) -> bool:
    """A paired squad visiting a township that is not one of its own."""
    return bool(staff.townships) and school.township not in staff.townships
