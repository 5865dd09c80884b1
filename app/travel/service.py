"""``travel_minutes(session, county, places)``: the one call that gives a solve its roads.

How a county's minutes are made, in order:

1. The county's provider (``counties.travel_provider``): ``great_circle`` — straight-line
   km × ``detour_factor`` ÷ ``road_speed_kmh`` — or ``osrm`` — the ``/table/v1`` server at
   ``counties.osrm_url``. OSRM answers are cached in ``travel_times`` with the coordinates
   they were computed for, so the server is asked again only when a place is new or has
   moved. If the server fails, ``travel_fallback`` decides: great circle, or a
   :class:`TravelError` whose zh-CN/English message says why (the solve fails with it).
   Great circle is not cached: computing it is faster than reading it back.
2. The matrix a coordinator uploaded (``POST /api/v1/travel/matrix``) overrides the pairs it
   lists, in both directions unless the reverse is listed too, while both places are still
   where they were when it was uploaded.

Place codes: the uploaded matrix names places by the county's own codes (a school's code,
or a squad's / teacher's code for their base). A ``Place.code`` may carry a prefix ending in
``:`` — the planning layer's ``base:squad:SQ01`` — and is matched on the part after the last
``:``. Cache rows are written into the caller's session (flushed, not committed): the
caller's commit keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.counties.models import County
from app.travel.models import UPLOADED, TravelTime
from app.travel.osrm import OsrmProvider
from app.travel.providers import (
    GreatCircleProvider,
    MatrixProvider,
    Place,
    TravelError,
    TravelProvider,
    WithFallback,
)

Matrix = list[list[int]]


def travel_minutes(session: Session, county: County, places: Sequence[Place]) -> Matrix:
    """Minutes from ``places[i]`` to ``places[j]`` (0 on the diagonal) for ``county``.

    Raises :class:`TravelError` only when the county uses OSRM without fallback and the
    server cannot answer.
    """
    uploaded = uploaded_pairs(session, county.id, places)
    return MatrixProvider(uploaded, county_provider(session, county)).minutes(places)


def great_circle(county: County) -> GreatCircleProvider:
    return GreatCircleProvider(detour_factor=county.detour_factor, speed_kmh=county.road_speed_kmh)


def county_provider(session: Session, county: County) -> TravelProvider:
    estimate = great_circle(county)
    if county.travel_provider != "osrm":
        return estimate
    primary: TravelProvider
    if not county.osrm_url:
        primary = _Unconfigured()
    else:
        primary = CachedProvider(session, county.id, OsrmProvider(county.osrm_url))
    return WithFallback(primary, estimate) if county.travel_fallback else primary


def matrix_code(place_code: str) -> str:
    """The county's own code inside a place code (``base:squad:SQ01`` → ``SQ01``)."""
    return place_code.rsplit(":", 1)[-1]


def same_spot(row_lat: float, row_lon: float, place: Place) -> bool:
    # Six decimals is ~10 cm: equal for every practical purpose, immune to float noise.
    return round(row_lat, 6) == round(place.lat, 6) and round(row_lon, 6) == round(place.lon, 6)


def uploaded_pairs(
    session: Session, county_id: int, places: Sequence[Place]
) -> dict[tuple[str, str], int]:
    """Uploaded minutes by (place code, place code), for places that have not moved."""
    by_code: dict[str, list[Place]] = {}
    for place in places:
        by_code.setdefault(matrix_code(place.code), []).append(place)
    rows = session.scalars(
        select(TravelTime).where(TravelTime.county_id == county_id, TravelTime.provider == UPLOADED)
    ).all()
    known: dict[tuple[str, str], int] = {}
    listed = {(row.from_code, row.to_code) for row in rows}
    for row in rows:
        for a in by_code.get(row.from_code, []):
            if not same_spot(row.from_latitude, row.from_longitude, a):
                continue
            for b in by_code.get(row.to_code, []):
                if not same_spot(row.to_latitude, row.to_longitude, b):
                    continue
                known[(a.code, b.code)] = row.minutes
                if (row.to_code, row.from_code) not in listed:
                    known.setdefault((b.code, a.code), row.minutes)
    return known


def stored_matrix(session: Session, county_id: int) -> Sequence[TravelTime]:
    """The county's uploaded rows, in a stable order."""
    return session.scalars(
        select(TravelTime)
        .where(TravelTime.county_id == county_id, TravelTime.provider == UPLOADED)
        .order_by(TravelTime.from_code, TravelTime.to_code)
    ).all()


@dataclass(frozen=True, slots=True)
class _Unconfigured:
    name: str = "osrm"

    def minutes(self, places: Sequence[Place]) -> Matrix:
        raise TravelError(
            "本县选择了 OSRM 路网服务，但没有填写 osrm_url",
            "the county uses OSRM but has no osrm_url",
        )


class CachedProvider:
    """Answers from ``travel_times`` while every pair is there for the places' current
    coordinates; otherwise asks ``inner`` for the whole matrix and stores it."""

    def __init__(self, session: Session, county_id: int, inner: OsrmProvider) -> None:
        self.session = session
        self.county_id = county_id
        self.inner = inner
        self.name = inner.name
        self.key = f"osrm {inner.base_url.rstrip('/')} {inner.profile}"

    def minutes(self, places: Sequence[Place]) -> Matrix:
        codes = [place.code for place in places]
        cached = self._cached(codes)
        matrix = [[0] * len(places) for _ in places]
        for i, a in enumerate(places):
            for j, b in enumerate(places):
                if i == j:
                    continue
                row = cached.get((a.code, b.code))
                if row is None or not (
                    same_spot(row.from_latitude, row.from_longitude, a)
                    and same_spot(row.to_latitude, row.to_longitude, b)
                ):
                    return self._refresh(places)
                matrix[i][j] = row.minutes
        return matrix

    def _cached(self, codes: Sequence[str]) -> dict[tuple[str, str], TravelTime]:
        wanted = set(codes)
        rows = self.session.scalars(
            select(TravelTime).where(
                TravelTime.county_id == self.county_id,
                TravelTime.provider == self.key,
                TravelTime.from_code.in_(wanted),
            )
        )
        return {(r.from_code, r.to_code): r for r in rows if r.to_code in wanted}

    def _refresh(self, places: Sequence[Place]) -> Matrix:
        matrix = self.inner.minutes(places)
        codes = [place.code for place in places]
        self.session.execute(
            delete(TravelTime).where(
                TravelTime.county_id == self.county_id,
                TravelTime.provider == self.key,
                TravelTime.from_code.in_(codes),
                TravelTime.to_code.in_(codes),
            )
        )
        rows = [
            {
                "county_id": self.county_id,
                "provider": self.key,
                "from_code": a.code,
                "to_code": b.code,
                "from_latitude": a.lat,
                "from_longitude": a.lon,
                "to_latitude": b.lat,
                "to_longitude": b.lon,
                "minutes": matrix[i][j],
            }
            for i, a in enumerate(places)
            for j, b in enumerate(places)
            if i != j
        ]
        if rows:
            self.session.execute(insert(TravelTime), rows)
        self.session.flush()
        return matrix
