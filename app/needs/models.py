from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned


class Need(CountyOwned):
    __tablename__ = "needs"

    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    skill: Mapped[str] = mapped_column(String(30))
    sessions_per_week: Mapped[int] = mapped_column(default=1)
    minutes: Mapped[int] = mapped_column(default=60)
    preferred_weekdays: Mapped[list[int]] = mapped_column(JSON, default=list)
    priority: Mapped[int] = mapped_column(default=3)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
