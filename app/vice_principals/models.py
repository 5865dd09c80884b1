from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned


class VicePrincipal(CountyOwned):
    __tablename__ = "vice_principals"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    home_school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    phase: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(30))
    years_of_service: Mapped[int] = mapped_column(default=0)
    commute_limit_km: Mapped[float] = mapped_column(Float, default=60.0)
    # Family constraint: how far from home the post may be, if the candidate set one.
    max_distance_from_home_km: Mapped[float | None] = mapped_column(Float)
    # Ranked post ids, most wanted first.
    preferences: Mapped[list[int]] = mapped_column(JSON, default=list)
    previous_post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id"), index=True)
