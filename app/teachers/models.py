from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned
from app.core.visiting import VisitorColumns


class Teacher(VisitorColumns, CountyOwned):
    __tablename__ = "teachers"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(12), index=True)
    # The school the teacher works at (e.g. the city's No.2 Middle School), if any.
    base_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
