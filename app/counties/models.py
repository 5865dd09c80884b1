from __future__ import annotations

from sqlalchemy import JSON, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Entity


class County(Entity):
    __tablename__ = "counties"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # The county's own skill vocabulary; squads, teachers and needs pick from it.
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Solver settings: is squad–township pairing a hard rule or a preference?
    pairing_mode: Mapped[str] = mapped_column(String(10), default="soft")
    # Road distance ≈ straight-line distance × detour factor; time = distance / speed.
    detour_factor: Mapped[float] = mapped_column(Float, default=1.3)
    road_speed_kmh: Mapped[float] = mapped_column(Float, default=40.0)
    # Travel minutes (app/travel): great_circle (the line above) or an OSRM /table/v1 server;
    # with travel_fallback, an OSRM failure falls back to great circle instead of failing.
    travel_provider: Mapped[str] = mapped_column(String(16), default="great_circle")
    osrm_url: Mapped[str | None] = mapped_column(String(200))
    travel_fallback: Mapped[bool] = mapped_column(default=True)
