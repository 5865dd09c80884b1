from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned


class Case(CountyOwned):
    """A child supported one-to-one. Deliberately no name, birth date or ID number."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    # Continuity: a case always stays with this teacher.
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    category: Mapped[str] = mapped_column(String(10))
    sessions_per_week: Mapped[int] = mapped_column(default=1)
    minutes: Mapped[int] = mapped_column(default=40)
    active: Mapped[bool] = mapped_column(default=True)
