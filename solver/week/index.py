"""Look-ups every part of the weekly solve shares: ids to objects, values, who can serve what."""

from __future__ import annotations

from functools import cached_property

from solver.week.demand import Demand, demands_of, may_serve
from solver.week.instance import School, Staff, Week
from solver.week.reach import round_trip_start
from solver.week.travel import Roads


class WeekIndex:
    def __init__(self, week: Week) -> None:
        self.week = week
        self.roads = Roads(week)
        self.schools: dict[str, School] = {s.id: s for s in week.schools}
        self.staff: dict[str, Staff] = {s.id: s for s in week.staff}
        self.demands: tuple[Demand, ...] = demands_of(week)
        self.demand: dict[str, Demand] = {d.id: d for d in self.demands}
        self._reach: dict[tuple[str, int, str, int], bool] = {}
        self._on_day = {
            d: [s for s in week.staff if s.window(d) is not None] for d in range(len(week.days))
        }
        if len(self.demand) != len(self.demands):
            raise ValueError("need ids and case codes must be unique together")

    @cached_property
    def values(self) -> dict[str, float]:
        """Weighted-coverage value of one session of each demand."""
        w = self.week.weights
        return {d.id: d.session_value(self.schools[d.school], w) for d in self.demands}

    def staff_days(self, day: int) -> list[Staff]:
        return self._on_day[day]

    def can_reach(self, staff: Staff, day: int, demand: Demand) -> bool:
        key = (staff.id, day, demand.school, demand.minutes)
        if key not in self._reach:
            school = self.schools[demand.school]
            start = round_trip_start(staff, day, school, demand.minutes, self.roads)
            self._reach[key] = start is not None
        return self._reach[key]

    def candidates(self, demand: Demand, day: int) -> list[Staff]:
        """Staff who may serve ``demand`` on ``day`` and can make the round trip."""
        school = self.schools[demand.school]
        if day in school.closed_days:
            return []
        return [
            s
            for s in self.staff_days(day)
            if may_serve(s, demand, school, self.week.pairing) and self.can_reach(s, day, demand)
        ]
