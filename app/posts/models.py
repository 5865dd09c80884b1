from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned


class Post(CountyOwned):
    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    host_school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    # 挂职: a new vice-principal goes to a rural host; 轮岗: a rural one rotates to town.
    direction: Mapped[str] = mapped_column(String(4))
    phase: Mapped[str] = mapped_column(String(10))
    seats: Mapped[int] = mapped_column(default=1)
    wanted_subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    priority: Mapped[int] = mapped_column(default=3)
