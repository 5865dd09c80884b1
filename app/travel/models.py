"""Travel minutes kept in the database: uploaded by a coordinator, or cached from OSRM.

Each row remembers the coordinates it was computed for. A row whose place has moved since
is stale and never used (and is replaced by the next computation), so moving a school
invalidates exactly its rows without anyone having to remember to clear a cache.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base

# The provider name of rows a coordinator uploaded (POST /api/v1/travel/matrix).
UPLOADED = "matrix"


def _now() -> datetime:
    return datetime.now(UTC)


class TravelTime(Base):
    __tablename__ = "travel_times"
    __table_args__ = (UniqueConstraint("county_id", "provider", "from_code", "to_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    # "matrix" for uploaded rows; "osrm <url> <profile>" for cached server answers.
    provider: Mapped[str] = mapped_column(String(240))
    from_code: Mapped[str] = mapped_column(String(64))
    to_code: Mapped[str] = mapped_column(String(64))
    from_latitude: Mapped[float] = mapped_column(Float)
    from_longitude: Mapped[float] = mapped_column(Float)
    to_latitude: Mapped[float] = mapped_column(Float)
    to_longitude: Mapped[float] = mapped_column(Float)
    minutes: Mapped[int] = mapped_column()
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
