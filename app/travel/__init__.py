"""Travel minutes between bases and schools: great circle, an uploaded matrix, or OSRM."""

from app.travel.osrm import OsrmProvider
from app.travel.providers import (
    GreatCircleProvider,
    MatrixProvider,
    Place,
    TravelError,
    TravelProvider,
    WithFallback,
)

__all__ = [
    "GreatCircleProvider",
    "MatrixProvider",
    "OsrmProvider",
    "Place",
    "TravelError",
    "TravelProvider",
    "WithFallback",
]
