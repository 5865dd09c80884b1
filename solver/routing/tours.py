"""Schedules of single tours as numpy arrays: earliest and latest start at each position.

``earliest`` runs forward (leave as soon as possible, wait for a window to open); ``latest``
runs backward (the last start that still lets the rest of the tour finish). A stop fits in
a gap when its earliest start there, and the next position's start after it, stay within
those bounds. Several windows per stop are padded to one width; a padding window never
matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from solver.routing.layout import Layout
from solver.routing.problem import RoutingProblem, Vehicle

INF = np.iinfo(np.int64).max // 4


def earliest_starts(opens: np.ndarray, closes: np.ndarray, t: np.ndarray) -> np.ndarray:
    """First allowed start at or after ``t`` (INF if none); windows on the last axis."""
    t = t[..., None]
    start = np.where(t <= closes, np.maximum(t, opens), INF)
    return start.min(axis=-1)


def latest_starts(opens: np.ndarray, closes: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Last allowed start at or before ``t`` (-INF if none)."""
    t = t[..., None]
    start = np.where(opens <= t, np.minimum(t, closes), -INF)
    return start.max(axis=-1)


@dataclass(frozen=True)
class TourArrays:
    """Per-stop arrays of a problem, shared by every tour evaluation."""

    problem: RoutingProblem
    travel: np.ndarray
    distance: np.ndarray
    location: np.ndarray
    service: np.ndarray
    demand: np.ndarray
    opens: np.ndarray
    closes: np.ndarray
    mandatory: np.ndarray
    # What placing the stop earns: its prize, or its group's penalty per missing visit.
    value: np.ndarray

    @staticmethod
    def of(problem: RoutingProblem) -> TourArrays:
        layout = Layout.of(problem)
        stops = problem.stops
        width = max((len(s.windows) for s in stops), default=1)
        opens = np.full((len(stops), width), INF, dtype=np.int64)
        closes = np.full((len(stops), width), -INF, dtype=np.int64)
        for i, stop in enumerate(stops):
            for k, (a, b) in enumerate(stop.windows):
                opens[i, k], closes[i, k] = a, b
        value = np.asarray([0 if s.mandatory else s.prize for s in stops], dtype=np.int64)
        for group in problem.groups:
            value[list(group.stops)] = group.penalty
        return TourArrays(
            problem=problem,
            travel=layout.travel_by_location,
            distance=layout.distance_by_location,
            location=np.asarray([s.location for s in stops], dtype=np.int64),
            service=np.asarray([s.service for s in stops], dtype=np.int64),
            demand=np.asarray([s.demand for s in stops], dtype=np.int64),
            opens=opens,
            closes=closes,
            mandatory=np.asarray([s.mandatory for s in stops], dtype=bool),
            value=value,
        )

    def tour(self, v: int, entries: Sequence[int]) -> Tour:
        return Tour.of(self, v, entries)


@dataclass(frozen=True)
class Tour:
    """One vehicle's tour: start depot, entries (stops, or -(k+1) for break k), end depot."""

    arrays: TourArrays
    vehicle: Vehicle
    location: np.ndarray
    service: np.ndarray
    opens: np.ndarray
    closes: np.ndarray
    earliest: np.ndarray
    latest: np.ndarray
    load: int
    work: int
    travel: int
    feasible: bool

    @staticmethod
    def of(arrays: TourArrays, v: int, entries: Sequence[int]) -> Tour:
        vehicle = arrays.problem.vehicles[v]
        size = len(entries) + 2
        width = arrays.opens.shape[1]
        location = np.empty(size, dtype=np.int64)
        service = np.zeros(size, dtype=np.int64)
        opens = np.full((size, width), INF, dtype=np.int64)
        closes = np.full((size, width), -INF, dtype=np.int64)
        location[0], location[-1] = vehicle.start_location, vehicle.end_location
        for p in (0, size - 1):
            opens[p, 0], closes[p, 0] = vehicle.shift_start, vehicle.shift_end
        load = work = 0
        for p, entry in enumerate(entries, start=1):
            if entry >= 0:
                location[p] = arrays.location[entry]
                service[p] = arrays.service[entry]
                opens[p], closes[p] = arrays.opens[entry], arrays.closes[entry]
                load += int(arrays.demand[entry])
                work += int(arrays.service[entry])
            else:
                rest = vehicle.breaks[-entry - 1]
                location[p] = location[p - 1]  # the break is taken where the last visit was
                service[p] = rest.duration
                opens[p, 0], closes[p, 0] = rest.earliest, rest.latest
        legs = arrays.travel[location[:-1], location[1:]]
        earliest = np.empty(size, dtype=np.int64)
        earliest[0] = vehicle.shift_start
        for p in range(1, size):
            arrive = np.asarray(min(int(earliest[p - 1] + service[p - 1] + legs[p - 1]), INF))
            earliest[p] = earliest_starts(opens[p], closes[p], arrive)
        latest = np.empty(size, dtype=np.int64)
        latest[-1] = vehicle.shift_end
        for p in range(size - 2, -1, -1):
            leave_by = np.asarray(int(latest[p + 1]) - int(service[p]) - int(legs[p]))
            latest[p] = latest_starts(opens[p], closes[p], leave_by)
        travel = int(legs.sum())
        feasible = bool((earliest < INF).all() and (earliest <= latest).all())
        feasible &= vehicle.capacity is None or load <= vehicle.capacity
        feasible &= vehicle.max_work is None or work <= vehicle.max_work
        feasible &= vehicle.max_travel is None or travel <= vehicle.max_travel
        return Tour(
            arrays, vehicle, location, service, opens, closes, earliest, latest,
            load, work, travel, feasible,
        )  # fmt: skip

    def insertion(
        self, candidates: np.ndarray, push_weight: float = 0.0
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cheapest added distance and its gap for each candidate stop (INF: no gap fits).

        Gap ``g`` means between position ``g`` and ``g + 1`` (0 is the start depot).
        ``push_weight`` adds the delay caused at the next position, per unit: time-tight
        tours fill up with waiting if only distance counts.
        """
        a = self.arrays
        if not self.feasible:
            return np.full(candidates.size, INF, np.int64), np.zeros(candidates.size, np.int64)
        here, after = self.location[:-1], self.location[1:]
        cand_loc = a.location[candidates]
        to_u = a.travel[here[:, None], cand_loc[None, :]]
        from_u = a.travel[cand_loc[None, :], after[:, None]]
        arrive = self.earliest[:-1, None] + self.service[:-1, None] + to_u
        start = earliest_starts(a.opens[candidates][None], a.closes[candidates][None], arrive)
        start = np.minimum(start, INF)
        arrive_next = start + a.service[candidates][None, :] + from_u
        start_next = earliest_starts(self.opens[1:, None, :], self.closes[1:, None, :], arrive_next)
        fits = (start < INF) & (start_next <= self.latest[1:, None])
        direct_travel = a.travel[here, after][:, None]
        vehicle = self.vehicle
        if vehicle.max_travel is not None:
            fits &= self.travel + to_u + from_u - direct_travel <= vehicle.max_travel
        added = (
            a.distance[here[:, None], cand_loc[None, :]]
            + a.distance[cand_loc[None, :], after[:, None]]
            - a.distance[here, after][:, None]
        )
        # Delaying the next visit eats the slack later insertions need (Solomon's I1 term).
        if push_weight:
            push = start_next - self.earliest[1:, None]
            added = added + (push_weight * np.where(fits, push, 0)).astype(np.int64)
        added = np.where(fits, added, INF)
        gaps = added.argmin(axis=0)
        costs = added[gaps, np.arange(candidates.size)]
        if vehicle.capacity is not None:
            costs[self.load + a.demand[candidates] > vehicle.capacity] = INF
        if vehicle.max_work is not None:
            costs[self.work + a.service[candidates] > vehicle.max_work] = INF
        return costs, gaps
