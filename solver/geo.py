"""Distances on the Earth's surface, for when no road network is available."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def road_minutes(km: float, detour_factor: float, speed_kmh: float) -> int:
    """Estimated driving minutes: straight-line km stretched by a detour factor at a mean speed.

    Rounded up, because a plan that assumes a faster road than exists arrives late.
    """
    if speed_kmh <= 0:
        raise ValueError("speed_kmh must be positive")
    return math.ceil(km * detour_factor / speed_kmh * 60)


def travel_matrix_minutes(
    points: list[tuple[float, float]], detour_factor: float = 1.3, speed_kmh: float = 45.0
) -> list[list[int]]:
    """Minutes between every pair of (lat, lon) points by great circle × detour ÷ speed."""
    return [
        [
            0 if i == j else road_minutes(great_circle_km(*a, *b), detour_factor, speed_kmh)
            for j, b in enumerate(points)
        ]
        for i, a in enumerate(points)
    ]
