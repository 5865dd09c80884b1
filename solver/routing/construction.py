"""Regret insertion: a first solution that respects tight time windows and a fixed fleet.

OR-Tools' own first-solution heuristics fail or drop stops when vehicles are scarce (every
Solomon file at its best-known fleet size); regret insertion places first the stops with the
fewest good options, which is what keeps them all in. Each step scores every remaining stop
in every gap of the one route that changed, with numpy, so a step is one vectorised pass.

Route entries are stop indices, or ``-(k + 1)`` for the vehicle's break ``k``, placed like a
stop that stays where the previous stop was (the staff member eats there, then drives on):
a conservative stand-in for OR-Tools' break intervals, which then finds its own placement.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np

from solver.routing.objective import evaluate
from solver.routing.problem import RoutingProblem
from solver.routing.tours import TourArrays

INF = np.iinfo(np.int64).max // 4
# Beyond this many (vehicle, stop) pairs a regret step costs more than OR-Tools' C++
# heuristics take for the whole construction.
MAX_PAIRS = 400_000
# A stop feasible for one vehicle only gets this regret: it must be placed before others
# take its only slot.
LONE_OPTION_REGRET = 10**9
# Attempts alternate these weights of the delay an insertion causes (see Tour.insertion).
PUSH_WEIGHTS = (0.0, 0.3, 1.0)
NOISE = 0.2
MAX_ATTEMPTS = 64


def construct_routes(
    problem: RoutingProblem,
    seed: int = 0,
    given: list[list[int]] | None = None,
    seconds: float | None = 0.5,
    attempts: int = MAX_ATTEMPTS,
) -> list[list[int]] | None:
    """Stop indices per vehicle, or ``given`` when the problem is too large for this step.

    Pins come first, then the stops of ``given`` where they still fit, then regret
    insertion of the rest; optional stops only when their prize pays for the detour.
    Several attempts (distance only, or also the delay caused; with noise after the first
    round) run until ``seconds`` is spent; the one that leaves fewest mandatory stops out,
    then the cheapest, wins. ``seconds=None`` makes exactly ``attempts`` attempts, which
    keeps a run reproducible.
    """
    if len(problem.vehicles) * max(len(problem.stops), 1) > MAX_PAIRS:
        return given
    began = time.monotonic()
    rng = np.random.default_rng(seed)
    arrays = TourArrays.of(problem)
    best: tuple[tuple[int, int], list[list[int]]] | None = None
    for attempt in itertools.count():
        out_of_time = seconds is not None and time.monotonic() - began > seconds
        if attempt >= attempts or (best and out_of_time):
            break
        push = PUSH_WEIGHTS[attempt % len(PUSH_WEIGHTS)]
        noise = 0.0 if attempt < len(PUSH_WEIGHTS) else NOISE
        routes = _build(problem, arrays, rng, noise, push, given, keep_order=False)
        cost = evaluate(problem, routes)
        key = (cost.mandatory_dropped, cost.objective)
        if best is None or key < best[0]:
            best = (key, routes)
    assert best is not None
    return best[1]


def repair_routes(
    problem: RoutingProblem,
    arrays: TourArrays,
    partial: list[list[int]],
    rng: np.random.Generator,
    noise: float = NOISE,
) -> list[list[int]]:
    """Keep each partial route as it is (when still feasible), regret-insert the rest.

    The recreate step of a ruin-and-recreate search.
    """
    push = PUSH_WEIGHTS[int(rng.integers(len(PUSH_WEIGHTS)))]
    return _build(problem, arrays, rng, noise, push, partial, keep_order=True)


def _build(
    problem: RoutingProblem,
    arrays: TourArrays,
    rng: np.random.Generator,
    noise: float,
    push: float,
    given: list[list[int]] | None,
    keep_order: bool,
) -> list[list[int]]:
    builder = _Builder(problem, rng, noise, push, arrays)
    if given is not None and keep_order:
        builder.keep_routes(given)
    else:
        builder.place_pins_and_breaks()
        if given is not None:
            builder.place_given(given)
    builder.regret_insertion()
    return [[e for e in route if e >= 0] for route in builder.routes]


@dataclass
class _Builder:
    problem: RoutingProblem
    rng: np.random.Generator
    noise: float
    push_weight: float
    arrays: TourArrays
    routes: list[list[int]] = field(init=False)
    placed: np.ndarray = field(init=False)
    group_of: np.ndarray = field(init=False)
    group_left: list[int] = field(init=False)
    allowed: np.ndarray = field(init=False)
    extra: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        problem = self.problem
        n, n_vehicles = len(problem.stops), len(problem.vehicles)
        self.routes = [[] for _ in problem.vehicles]
        self.placed = np.zeros(n, dtype=bool)
        self.group_of = np.full(n, -1, dtype=np.int64)
        self.group_left = [g.max_visits for g in problem.groups]
        for k, group in enumerate(problem.groups):
            self.group_of[list(group.stops)] = k
        self.allowed = np.ones((n_vehicles, n), dtype=bool)
        self.extra = np.zeros((n_vehicles, n), dtype=np.int64)
        for i, stop in enumerate(problem.stops):
            if stop.allowed_vehicles is not None:
                self.allowed[:, i] = False
                self.allowed[sorted(stop.allowed_vehicles), i] = True
            for v, cost in stop.vehicle_costs:
                self.extra[v, i] += cost
        pinned = [s for v in problem.vehicles for s in v.pinned]
        self.allowed[:, pinned] = False

    # --- the three phases -------------------------------------------------------------

    def place_pins_and_breaks(self) -> None:
        for v in range(len(self.problem.vehicles)):
            self._start_from_pins(v)

    def _start_from_pins(self, v: int) -> None:
        vehicle = self.problem.vehicles[v]
        route = list(vehicle.pinned)
        self.placed[route] = True
        for s in route:
            self._count_group(s)
        self.routes[v] = route
        for k in range(len(vehicle.breaks)):
            self._place_break(v, k)

    def keep_routes(self, given: list[list[int]]) -> None:
        """Take each route as given when it keeps its pins in order and still fits."""
        for v, vehicle in enumerate(self.problem.vehicles):
            route = list(given[v]) if v < len(given) else []
            pins = [s for s in route if s in vehicle.pinned]
            if pins != list(vehicle.pinned) or not self.arrays.tour(v, route).feasible:
                route = list(vehicle.pinned)
            self.placed[route] = True
            for s in route:
                self._count_group(s)
            self.routes[v] = route
            for k in range(len(vehicle.breaks)):
                self._place_break(v, k)
            if sum(e < 0 for e in self.routes[v]) < len(vehicle.breaks):
                kept = [e for e in self.routes[v] if e >= 0]
                self.placed[kept] = False  # too full for lunch: rebuild from the pins
                for s in kept:
                    self._count_group(s, -1)
                self.routes[v] = []
                self._start_from_pins(v)

    def place_given(self, given: list[list[int]]) -> None:
        for v, stops in enumerate(given[: len(self.routes)]):
            for s in stops:
                if 0 <= s < len(self.placed) and not self.placed[s] and self._open(s):
                    costs, gaps = self._insertion(v, np.asarray([s]))
                    if costs[0] < INF:
                        self._insert(v, s, int(gaps[0]))

    def regret_insertion(self) -> None:
        n_vehicles = len(self.routes)
        candidates = np.flatnonzero(~self.placed)
        if candidates.size == 0:
            return
        cost = np.full((n_vehicles, len(self.placed)), INF, dtype=np.int64)
        gap = np.zeros((n_vehicles, len(self.placed)), dtype=np.int64)
        for v in range(n_vehicles):
            cost[v, candidates], gap[v, candidates] = self._insertion(v, candidates)
        value = self.arrays.value
        while True:
            open_mask = ~self.placed & self._open_mask()
            columns = np.flatnonzero(open_mask)
            if columns.size == 0:
                return
            sub = cost[:, columns]
            best_vehicle = sub.argmin(axis=0)
            best = sub[best_vehicle, np.arange(columns.size)]
            feasible = best < INF
            if n_vehicles > 1:
                second = np.partition(sub, 1, axis=0)[1]
            else:
                second = np.full(columns.size, INF)
            regret = np.where(second < INF, second - best, LONE_OPTION_REGRET)
            worth = value[columns] - best  # only meaningful for optional stops
            mandatory = self.arrays.mandatory[columns]
            eligible = feasible & (mandatory | (worth > 0))
            if not eligible.any():
                return
            # Mandatory stops first, by regret; then optional ones worth their detour.
            if (eligible & mandatory).any():
                eligible &= mandatory
                key = regret.astype(np.float64)
            else:
                # Orienteering: value per unit of tour consumed (detour plus service time).
                spent = np.maximum(best + self.arrays.service[columns], 1).astype(np.float64)
                key = value[columns] / spent
            if self.noise:
                key *= 1.0 + self.noise * self.rng.random(columns.size)
            key[~eligible] = -np.inf
            pick = int(np.argmax(key))
            stop, v = int(columns[pick]), int(best_vehicle[pick])
            if not self._insert(v, stop, int(gap[v, stop])):
                cost[v, stop] = INF  # the conservative test passed but the real route did not
                continue
            cost[:, stop] = INF
            rest = np.flatnonzero(~self.placed & self._open_mask())
            cost[v, :] = INF
            if rest.size:
                cost[v, rest], gap[v, rest] = self._insertion(v, rest)

    # --- helpers ------------------------------------------------------------------------

    def _open_mask(self) -> np.ndarray:
        full = np.asarray([left <= 0 for left in self.group_left] + [False], dtype=bool)
        return ~full[self.group_of]

    def _open(self, stop: int) -> bool:
        group = int(self.group_of[stop])
        return group < 0 or self.group_left[group] > 0

    def _count_group(self, stop: int, step: int = 1) -> None:
        group = int(self.group_of[stop])
        if group >= 0:
            self.group_left[group] -= step

    def _place_break(self, v: int, k: int) -> None:
        entry = -(k + 1)
        tour = self.arrays.tour(v, self.routes[v])
        best: tuple[int, int] | None = None
        for g in range(len(self.routes[v]) + 1):
            trial = [*self.routes[v][:g], entry, *self.routes[v][g:]]
            if self.arrays.tour(v, trial).feasible:
                slack = int(tour.latest[g + 1] - tour.earliest[g])
                if best is None or slack > best[0]:
                    best = (slack, g)
        if best is not None:
            self.routes[v].insert(best[1], entry)

    def _insertion(self, v: int, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cheapest feasible gap of route ``v`` for each candidate, INF where none."""
        tour = self.arrays.tour(v, self.routes[v])
        costs, gaps = tour.insertion(candidates, self.push_weight)
        costs = costs + self.extra[v, candidates]
        costs[~self.allowed[v, candidates]] = INF
        return np.minimum(costs, INF), gaps

    def _insert(self, v: int, stop: int, gap: int) -> bool:
        trial = [*self.routes[v][:gap], stop, *self.routes[v][gap:]]
        if not self.arrays.tour(v, trial).feasible:
            return False
        self.routes[v] = trial
        self.placed[stop] = True
        self._count_group(stop)
        return True
