"""The immutable input of the routing core.

All quantities are integers in one unit chosen by the caller (minutes for a county week,
tenths of a distance unit for Solomon files, which makes their one-decimal truncation exact).
Travel is given between *locations*, not stops: many stops share one school, and a location
matrix stays small when a week has thousands of stops.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stop:
    """One thing to do at one place: a Solomon customer, or one session on one day."""

    id: str
    location: int
    service: int
    # Allowed *start* times; several windows express a school's lunch break.
    windows: tuple[tuple[int, int], ...]
    # Value of doing it; ignored when mandatory. Prizes and distances share one integer
    # objective (dropped prizes + distance + extra costs), so make a prize unit worth more
    # than any distance that could be saved; keep the total well inside 2**62 / stops.
    prize: int = 0
    # Must be done: a mandatory stop left out makes the status "infeasible" (the search may
    # leave it out, at a prohibitive cost, rather than fail to return anything).
    mandatory: bool = False
    demand: int = 0
    # Indices into RoutingProblem.vehicles that may do it; None means every vehicle.
    allowed_vehicles: frozenset[int] | None = None
    # Extra cost when vehicle v does it (pairing preferences, stability); absent means 0.
    vehicle_costs: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class StopGroup:
    """At most ``max_visits`` of these stops are done; each stop left undone costs ``penalty``.

    A need of k sessions a week becomes one stop per feasible day in one group with
    ``max_visits = k``, which is how "k sessions on k different days" reaches the router.
    Stops in no group are independent: dropped at the cost of their own prize.

    Precisely (OR-Tools' PENALIZE_PER_INACTIVE): the cost is ``penalty × (max_visits −
    stops done)``, i.e. per visit missing below ``max_visits``, never for the stops beyond
    it. The members' own ``prize`` and ``mandatory`` are ignored; to prefer some days, put a
    cost on the others through ``Stop.vehicle_costs``.
    """

    stops: tuple[int, ...]
    max_visits: int
    penalty: int


@dataclass(frozen=True, slots=True)
class Break:
    """A rest of ``duration`` starting somewhere in [earliest, latest] (a lunch break).

    It never overlaps a visit's service; it may fall before the first visit, after the
    last, or between two visits, where the gap must hold the travel and the break
    (OR-Tools break intervals). Its chosen start is in ``RoutingSolution.break_starts``.
    """

    earliest: int
    latest: int
    duration: int


@dataclass(frozen=True, slots=True)
class Vehicle:
    """One tour: a Solomon vehicle, or one staff member (squad or teacher) on one day."""

    id: str
    start_location: int
    end_location: int
    shift_start: int
    shift_end: int
    capacity: int | None = None
    # Limit on the tour's travel time (the ``travel`` matrix, depot legs included).
    max_travel: int | None = None
    # Limit on service time (teaching minutes) in the tour.
    max_work: int | None = None
    breaks: tuple[Break, ...] = ()
    # Fixed stops (pinned visits): stop indices in order; the solver keeps them on this vehicle,
    # in this order, always performed (whatever their own mandatory flag says).
    pinned: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RoutingProblem:
    stops: tuple[Stop, ...]
    vehicles: tuple[Vehicle, ...]
    # travel[a][b]: travel time from location a to location b.
    travel: tuple[tuple[int, ...], ...]
    # distance[a][b]: what the objective counts as travel cost; None means travel time.
    distance: tuple[tuple[int, ...], ...] | None = None
    groups: tuple[StopGroup, ...] = ()
    # Cost per unit of the longest tour's travel (travel times, not distance): keeps workload
    # balanced.
    balance_weight: int = 0
    # Previous routes (stop indices per vehicle) to start from; what no longer fits is
    # repaired. Staying close is the caller's to price, through Stop.vehicle_costs.
    hint: tuple[tuple[int, ...], ...] | None = None
