from __future__ import annotations

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import CountyOwned
from app.core.visiting import VisitorColumns


class Squad(VisitorColumns, CountyOwned):
    __tablename__ = "squads"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    members: Mapped[int] = mapped_column(default=1)
    # 对接乡镇: the townships this squad is paired with (ids, ranked as given).
    paired_township_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
