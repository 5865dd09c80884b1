"""The objective's weights, with defaults chosen for the problem rather than one instance.

The objective is lexicographic in spirit: weighted coverage first, then travel, then balance.
It is one number for the router, so the coverage scale is set so that the least valuable
session (value 1.0 → ``coverage_scale``) is worth more than the longest detour a staff-day can
drive (``max_travel_minutes``, a few hundred) plus its balance and change costs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    # Prize per unit of session value (priority × need weight); travel is in minutes.
    coverage_scale: int = 1000
    # Need weight = 1 + the bonuses below.
    # 教学点 are the remotest and smallest schools: the ones a plain optimiser forgets first.
    teaching_point_bonus: float = 0.5
    # Multiplied by the school's share of left-behind pupils (留守儿童), 0..1.
    left_behind_bonus: float = 0.5
    # Per session missed in earlier weeks; what makes a skipped school win next week.
    carry_over_bonus: float = 1.0
    # Carry-over counted at most this many sessions, so a long-starved need cannot swamp all.
    carry_over_cap: int = 4
    # Prize added on a need's preferred days, in travel minutes: breaks ties, never coverage.
    preferred_day_bonus: int = 20
    # Cost (travel minutes) of a squad visiting a township it is not paired with (soft mode).
    unpaired_visit_cost: int = 90
    # Cost (travel minutes) of a previous visit moved to another staff-day.
    change_cost: int = 30
    # Cost per minute of the longest staff-day's travel, on top of total travel.
    balance_weight: int = 1
