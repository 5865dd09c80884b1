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
    # Value of doing it; ignored when mandatory.
    prize: int = 0
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
    """

    stops: tuple[int, ...]
    max_visits: int
    penalty: int


@dataclass(frozen=True, slots=True)
class Break:
    """A rest of ``duration`` starting somewhere in [earliest, latest] (a lunch break)."""

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
    max_travel: int | None = None
    # Limit on service time (teaching minutes) in the tour.
    max_work: int | None = None
    breaks: tuple[Break, ...] = ()
    # Fixed stops (pinned visits): stop indices in order; the solver keeps them on this vehicle.
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
    # Cost per unit of the longest tour's travel: keeps workload balanced.
    balance_weight: int = 0
    # Previous routes (stop indices per vehicle) to start from and to stay close to.
    hint: tuple[tuple[int, ...], ...] | None = None
