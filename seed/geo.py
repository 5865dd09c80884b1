"""Flat-earth helpers: fine at county scale (under 100 km)."""

from __future__ import annotations

import math

KM_PER_DEGREE_LAT = 111.0


def offset(lat: float, lon: float, km: float, bearing_degrees: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) in the given compass direction."""
    bearing = math.radians(bearing_degrees)
    d_lat = km * math.cos(bearing) / KM_PER_DEGREE_LAT
    d_lon = km * math.sin(bearing) / (KM_PER_DEGREE_LAT * math.cos(math.radians(lat)))
    return round(lat + d_lat, 5), round(lon + d_lon, 5)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    d_lat = (a[0] - b[0]) * KM_PER_DEGREE_LAT
    d_lon = (a[1] - b[1]) * KM_PER_DEGREE_LAT * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(d_lat, d_lon)
