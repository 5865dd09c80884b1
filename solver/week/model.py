"""A week (or some of its days) → one RoutingProblem, and the keys to read its answer back.

Staff-day = vehicle. Demand with k sessions left = one stop per feasible day, grouped with
``max_visits = k`` when it has more feasible days than sessions left, which is how "k sessions
on k different days" reaches the router. A stop only lists staff-days that may serve it and can
make the round trip; days off the preferred ones, unpaired squads and moved
visits cost a little, always less than any session is worth (see weights.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from solver.routing import RoutingProblem, Stop, StopGroup, Vehicle
from solver.week.demand import Demand, is_unpaired
from solver.week.index import WeekIndex
from solver.week.instance import PairingMode, Staff, Week


@dataclass(frozen=True, slots=True)
class WeekModel:
    problem: RoutingProblem
    stop_keys: tuple[tuple[str, int], ...]  # (demand id, day) of each stop
    vehicle_keys: tuple[tuple[str, int], ...]  # (staff id, day) of each vehicle

    def stop_index(self) -> dict[tuple[str, int], int]:
        return {key: i for i, key in enumerate(self.stop_keys)}

    def vehicle_index(self) -> dict[tuple[str, int], int]:
        return {key: i for i, key in enumerate(self.vehicle_keys)}


@dataclass(frozen=True, slots=True)
class Placed:
    """One session in a staff-day's route: which demand, starting when."""

    demand: str
    start: int


# A staff-day's sessions in route order, by (staff id, day).
Routes = Mapping[tuple[str, int], Sequence[Placed]]


def previous_routes(week: Week, day: int | None = None) -> dict[tuple[str, int], list[Placed]]:
    """The previous plan's visits (of one day, or all) as routes, to start the search from."""
    routes: dict[tuple[str, int], list[Placed]] = defaultdict(list)
    for v in sorted(week.previous, key=lambda v: (v.staff, v.day, v.start)):
        if day is None or v.day == day:
            routes[(v.staff, v.day)].append(Placed(v.demand, v.start))
    return dict(routes)


def build_model(
    index: WeekIndex,
    days: Iterable[int],
    remaining: Mapping[str, int],
    hint: Routes | None = None,
) -> WeekModel:
    """The routing problem for ``days`` with ``remaining`` sessions still wanted per demand."""
    week, weights = index.week, index.week.weights
    days = sorted(days)
    vehicle_keys = [(s.id, d) for d in days for s in index.staff_days(d)]
    vehicle_of = {key: i for i, key in enumerate(vehicle_keys)}
    pins = {(p.demand, p.day): p.staff for p in week.pins}
    previous: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for v in week.previous:
        previous[v.demand].add((v.staff, v.day))

    locations: dict[str, int] = {}

    def location(loc_id: str) -> int:
        return locations.setdefault(loc_id, len(locations))

    stops: list[Stop] = []
    stop_keys: list[tuple[str, int]] = []
    groups: list[StopGroup] = []
    for demand in index.demands:
        left = remaining.get(demand.id, 0)
        if left <= 0:
            continue
        school = index.schools[demand.school]
        mine: list[int] = []
        for day in days:
            pinned_staff = pins.get((demand.id, day))
            staff = (
                [index.staff[pinned_staff]]
                if pinned_staff is not None
                else index.candidates(demand, day)
            )
            if not staff:
                continue
            mine.append(len(stops))
            stop_keys.append((demand.id, day))
            stops.append(
                Stop(
                    id=f"{demand.id}@{day}",
                    location=location(school.id),
                    service=demand.minutes,
                    windows=school.session_windows(demand.minutes),
                    prize=round(index.values[demand.id] * weights.coverage_scale),
                    allowed_vehicles=frozenset(vehicle_of[(s.id, day)] for s in staff),
                    vehicle_costs=_vehicle_costs(
                        index, demand, staff, day, vehicle_of, previous.get(demand.id, set())
                    ),
                )
            )
        if len(mine) > left:
            penalty = round(index.values[demand.id] * weights.coverage_scale)
            groups.append(StopGroup(tuple(mine), max_visits=left, penalty=penalty))

    stop_of = {key: i for i, key in enumerate(stop_keys)}
    vehicles = []
    for staff_id, day in vehicle_keys:
        member = index.staff[staff_id]
        pinned = [
            stop_of[(p.demand, day)]
            for p in week.pins
            if p.staff == staff_id and p.day == day and (p.demand, day) in stop_of
        ]
        pinned.sort(key=lambda i: (stops[i].windows[0][0] if stops[i].windows else 0, i))
        vehicles.append(_vehicle(member, day, location(member.base), tuple(pinned)))

    ids = list(locations)
    travel = tuple(tuple(index.roads.minutes(a, b) for b in ids) for a in ids)
    hint_routes = None
    if hint:
        hint_routes = tuple(
            tuple(stop_of[(p.demand, day)] for p in hint.get(key, []) if (p.demand, day) in stop_of)
            for key in vehicle_keys
            for day in (key[1],)
        )
    problem = RoutingProblem(
        stops=tuple(stops),
        vehicles=tuple(vehicles),
        travel=travel,
        groups=tuple(groups),
        balance_weight=weights.balance_weight,
        hint=hint_routes,
    )
    return WeekModel(problem, tuple(stop_keys), tuple(vehicle_keys))


def _vehicle(staff: Staff, day: int, base: int, pinned: tuple[int, ...]) -> Vehicle:
    window = staff.window(day)
    assert window is not None  # only available staff-days become vehicles
    # No Vehicle.breaks: the staff lunch is fitted afterwards (see solver/week/timing.py).
    return Vehicle(
        id=f"{staff.id}@{day}",
        start_location=base,
        end_location=base,
        shift_start=window.start,
        shift_end=window.end,
        max_travel=staff.max_travel_minutes,
        max_work=staff.max_work_minutes,
        pinned=pinned,
    )


def _vehicle_costs(
    index: WeekIndex,
    demand: Demand,
    staff: list[Staff],
    day: int,
    vehicle_of: Mapping[tuple[str, int], int],
    previous: set[tuple[str, int]],
) -> tuple[tuple[int, int], ...]:
    """Preferred days, soft pairing, stability: extra cost on the staff-days that break them."""
    weights, school = index.week.weights, index.schools[demand.school]
    costs = []
    for s in staff:
        cost = 0
        if demand.preferred_days and day not in demand.preferred_days:
            # A cost off the preferred days rather than a prize on them: inside a StopGroup
            # the router counts one group penalty, not each stop's prize.
            cost += weights.preferred_day_bonus
        if index.week.pairing == PairingMode.SOFT and is_unpaired(s, school):
            cost += weights.unpaired_visit_cost
        if previous and (s.id, day) not in previous:
            cost += weights.change_cost
        if cost:
            costs.append((vehicle_of[(s.id, day)], cost))
    return tuple(costs)
