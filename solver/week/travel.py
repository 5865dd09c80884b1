"""Travel minutes between locations (base ids and school ids).

The caller normally passes the matrix (the app asks a road router); without one, minutes are
estimated as great-circle distance × detour ÷ speed, a fair guess for county roads.
"""

from __future__ import annotations

import math

from solver.week.instance import TravelMatrix, Week

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def matrix_from_coordinates(
    points: dict[str, tuple[float, float]], detour: float = 1.3, speed_kmh: float = 45.0
) -> TravelMatrix:
    ids = tuple(points)
    minutes = tuple(
        tuple(
            0
            if a == b
            else max(1, round(great_circle_km(*points[a], *points[b]) * detour / speed_kmh * 60))
            for b in ids
        )
        for a in ids
    )
    return TravelMatrix(ids, minutes)


def week_points(week: Week) -> dict[str, tuple[float, float]]:
    points = {b.id: (b.lat, b.lon) for b in week.bases}
    points.update({s.id: (s.lat, s.lon) for s in week.schools})
    return points


class Roads:
    """Minutes between two location ids, from the week's matrix or estimated from coordinates."""

    def __init__(self, week: Week) -> None:
        matrix = week.travel or matrix_from_coordinates(
            week_points(week), week.detour, week.speed_kmh
        )
        self.matrix = matrix
        self.index = {loc: i for i, loc in enumerate(matrix.locations)}
        missing = set(week_points(week)) - set(self.index)
        if missing:
            raise ValueError(f"travel matrix lacks locations: {sorted(missing)[:5]}")

    def minutes(self, a: str, b: str) -> int:
        return self.matrix.minutes[self.index[a]][self.index[b]]
