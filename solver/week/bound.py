"""An upper bound on weighted coverage: a linear relaxation solved with GLOP.

Sessions go fractionally to staff-days that can make the round trip. Per staff-day: teaching
minutes ≤ its work limit; every school visited is entered by one drive and left by one, so
driving ≥ Σ visited × (cheapest drive in + cheapest drive out) ÷ 2; driving ≤ its travel
limit; teaching + driving + lunch ≤ its day. Per stop ≤ one staff-day (≤ one session a day),
per demand ≤ its sessions. Every plan satisfies all of this, so the LP optimum bounds every
plan's weighted coverage. (A round-trip row per school and staff-day never moved the bound on
generated counties and made GLOP 5× slower, so it is left out.)
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from ortools.linear_solver import pywraplp

from solver.week.index import WeekIndex

Stops = dict[str, list[tuple[pywraplp.Variable, int]]]  # school → (variable, minutes)


# Above this many (session, staff-day) pairs GLOP needs minutes (a 1,000-school county: ~75 s
# on the benchmark machine), so the crude bound is used instead.
MAX_PAIRS = 30_000


def coverage_bound(index: WeekIndex, seconds: float = 30.0) -> float:
    """The LP bound, or, for very large weeks or when GLOP runs out of time, the crude bound:
    every session that some staff-day can reach, placed."""
    pairs = sum(
        len(index.candidates(d, day)) for d in index.demands for day in range(len(index.week.days))
    )
    if pairs > MAX_PAIRS:
        return crude_bound(index)
    lp = pywraplp.Solver.CreateSolver("GLOP")
    assert lp is not None
    # Dual simplex solved the county LPs 2-3x faster than GLOP's default primal.
    lp.SetSolverSpecificParametersAsString("use_dual_simplex: true")
    objective = lp.Objective()
    per_demand: dict[str, list[pywraplp.Variable]] = defaultdict(list)
    per_staff_day: dict[tuple[str, int], Stops] = defaultdict(lambda: defaultdict(list))
    for demand in index.demands:
        for day in range(len(index.week.days)):
            staff = index.candidates(demand, day)
            # A pin is kept even where the model would not go: the bound must count it too.
            staff += [
                index.staff[p.staff]
                for p in index.week.pins
                if (p.demand, p.day) == (demand.id, day) and index.staff[p.staff] not in staff
            ]
            if not staff:
                continue
            per_stop = []
            for s in staff:
                x = lp.NumVar(0.0, 1.0, "")
                objective.SetCoefficient(x, index.values[demand.id])
                per_stop.append(x)
                per_staff_day[(s.id, day)][demand.school].append((x, demand.minutes))
            per_demand[demand.id].extend(per_stop)
            lp.Add(lp.Sum(per_stop) <= 1)
    for demand in index.demands:
        if per_demand[demand.id]:
            lp.Add(lp.Sum(per_demand[demand.id]) <= demand.sessions)
    travel = np.asarray(index.roads.matrix.minutes, dtype=np.int64)
    for (staff_id, day), schools in per_staff_day.items():
        _staff_day_limits(lp, index, travel, staff_id, day, schools)
    objective.SetMaximization()
    lp.SetTimeLimit(round(seconds * 1000))
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return crude_bound(index)  # cut short, the LP value is no bound
    # The LP is solved in floating point; a hair of slack keeps it a bound.
    return float(objective.Value()) * (1 + 1e-9) + 1e-6


def _staff_day_limits(
    lp: pywraplp.Solver,
    index: WeekIndex,
    travel_matrix: np.ndarray,
    staff_id: str,
    day: int,
    schools: Stops,
) -> None:
    staff = index.staff[staff_id]
    window = staff.window(day)
    assert window is not None
    at = index.roads.index
    base = at[staff.base]
    targets = np.asarray([at[s] for s in schools], dtype=np.int64)
    origins = np.asarray([base, *targets], dtype=np.int64)
    into = travel_matrix[np.ix_(origins, targets)].astype(float)
    into[1 + np.arange(len(targets)), np.arange(len(targets))] = np.inf  # not from itself
    out = travel_matrix[np.ix_(targets, origins)].astype(float)
    out[np.arange(len(targets)), 1 + np.arange(len(targets))] = np.inf
    # Candidate places only: any plan's neighbours of a school are among them.
    entry_exit = (into.min(axis=0) + out.min(axis=1)) / 2

    drive = lp.NumVar(0.0, float(staff.max_travel_minutes), "")
    work = lp.Sum([x * minutes for stops in schools.values() for x, minutes in stops])
    lp.Add(work <= staff.max_work_minutes)
    entries = []
    for k, stops in enumerate(schools.values()):
        # One candidate session: visiting the school is that session (saves a row and column).
        visited = stops[0][0] if len(stops) == 1 else lp.NumVar(0.0, 1.0, "")
        if len(stops) > 1:
            for x, _ in stops:
                lp.Add(visited >= x)
        entries.append(visited * float(entry_exit[k]))
    lp.Add(drive >= lp.Sum(entries))
    lunch = staff.lunch.minutes if staff.lunch is not None else 0
    lp.Add(work + drive <= window.end - window.start - lunch)


def crude_bound(index: WeekIndex) -> float:
    days = range(len(index.week.days))
    return sum(
        index.values[d.id] * min(d.sessions, sum(1 for day in days if index.candidates(d, day)))
        for d in index.demands
    )
