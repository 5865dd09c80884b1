"""Columns and body fields shared by everyone who drives out to schools (squads, teachers)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field
from sqlalchemy import JSON, Float
from sqlalchemy.orm import Mapped, mapped_column

from app.core.fields import Availability, Latitude, Longitude, Minutes, Skills


class VisitorColumns:
    """Mixin for the ORM models: skills, base location, weekly availability, daily limits."""

    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    base_latitude: Mapped[float] = mapped_column(Float)
    base_longitude: Mapped[float] = mapped_column(Float)
    availability: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    max_work_minutes: Mapped[int] = mapped_column(default=480)
    max_travel_minutes: Mapped[int] = mapped_column(default=180)
    lunch_minutes: Mapped[int] = mapped_column(default=60)


class VisitorFields(BaseModel):
    """Mixin for the bodies; limits are per day and include the drive back to base."""

    skills: Skills = Field(default_factory=list)
    base_latitude: Latitude
    base_longitude: Longitude
    availability: Availability = Field(default_factory=list)
    max_work_minutes: Minutes = 480
    max_travel_minutes: Minutes = 180
    lunch_minutes: Annotated[int, Field(ge=0, le=180)] = 60
