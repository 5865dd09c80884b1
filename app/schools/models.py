from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned


class School(CountyOwned):
    __tablename__ = "schools"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10), index=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("townships.id"), index=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(200), default="")
    pupils: Mapped[int] = mapped_column(default=0)
    left_behind_pupils: Mapped[int] = mapped_column(default=0)
    day_start: Mapped[str] = mapped_column(String(5), default="08:00")
    day_end: Mapped[str] = mapped_column(String(5), default="17:30")
    lunch_start: Mapped[str] = mapped_column(String(5), default="12:00")
    lunch_end: Mapped[str] = mapped_column(String(5), default="14:00")
    closed_weekdays: Mapped[list[int]] = mapped_column(JSON, default=list)
    # 城乡对口学校: the twinned school, a preference the solver honours.
    paired_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
