"""Travel minutes for a solve: the one place the planning layer asks for roads.

``app.travel.service.travel_minutes`` decides how (great circle, OSRM with its cache, the
matrix a coordinator uploaded); OSRM cache rows it adds go into ``session``, so the caller's
commit keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.counties.models import County
from app.travel import Place
from app.travel.service import travel_minutes
from solver.week.instance import TravelMatrix


def travel_matrix(session: Session, county: County, places: Sequence[Place]) -> TravelMatrix:
    minutes = travel_minutes(session, county, places)
    return TravelMatrix(
        locations=tuple(p.code for p in places),
        minutes=tuple(tuple(row) for row in minutes),
    )
