"""Column mixins shared by every stored concept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.core.db import Base


def _now() -> datetime:
    return datetime.now(UTC)


class Entity(Base):
    """A row with an id and a version counter that doubles as the HTTP ETag."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy bumps the version and refuses a write whose version moved underneath.
        return {"version_id_col": cls.__table__.c.version}


class CountyOwned(Entity):
    """A row that belongs to exactly one county (the tenant)."""

    __abstract__ = True

    @declared_attr
    def county_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("counties.id"), index=True, nullable=False)
