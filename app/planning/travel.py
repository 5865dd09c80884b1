"""Travel minutes for a solve: the one place the service asks a travel provider.

Kept to one function so a cached or uploaded matrix (spreadsheet import) can replace the
provider call without touching how the instance is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.counties.models import County
from app.travel import GreatCircleProvider, Place
from solver.week.instance import TravelMatrix


def travel_matrix(session: Session, county: County, places: Sequence[Place]) -> TravelMatrix:
    provider = GreatCircleProvider(
        detour_factor=county.detour_factor, speed_kmh=county.road_speed_kmh
    )
    minutes = provider.minutes(places)
    return TravelMatrix(
        locations=tuple(p.code for p in places),
        minutes=tuple(tuple(row) for row in minutes),
    )
