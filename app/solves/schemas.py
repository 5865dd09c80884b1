from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.schema import write_config


class SolveOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decomposition: Literal["auto", "week", "day"] = Field(
        "auto", description="one week-long search, or day by day (auto: by size)"
    )


class SolveCreate(BaseModel):
    model_config = write_config({"seconds": 30, "seed": 0, "options": {"decomposition": "auto"}})

    seconds: float = Field(30.0, ge=1, le=3600, description="time limit of the search")
    iterations: int | None = Field(
        None,
        ge=1,
        le=100_000,
        description="instead of a time limit: solutions each search accepts (reproducible)",
    )
    seed: int = Field(0, ge=0, le=2**31 - 1)
    options: SolveOptions = Field(default_factory=lambda: SolveOptions(decomposition="auto"))


class SolveError(BaseModel):
    code: str
    message: str
    message_en: str


class SolveProgress(BaseModel):
    phase: str | None = Field(None, description="building, searching, saving, done, retrying")
    elapsed_seconds: float | None = None
    best_objective: int | None = Field(None, description="the router's objective, lower is better")
    improvements: int = 0
    extra: dict[str, Any] = Field(default_factory=dict, description="coverage once finished")


class SolveOut(BaseModel):
    id: int
    county_id: int
    kind: Literal["week", "placement"] = Field(
        "week", description="a weekly solve, or a term's vice-principal placements"
    )
    week: str = Field(description="the ISO week; empty for a placement solve")
    term_id: int | None = Field(None, description="the term of a placement solve")
    status: Literal["queued", "running", "succeeded", "failed", "cancelled"]
    seconds: float
    iterations: int | None
    seed: int
    options: dict[str, Any]
    progress: SolveProgress
    error: SolveError | None
    attempts: int
    changes: int | None = Field(None, description="visits that differ from the previous plan")
    plan_version: int | None = Field(None, description="the draft it produced")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
