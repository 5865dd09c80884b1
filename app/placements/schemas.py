from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.fields import Id
from app.core.schema import write_config

Points = Annotated[int, Field(ge=0, le=100_000)]


class WeightsIn(BaseModel):
    """Any subset of the soft rules' points; the rest keep their defaults."""

    model_config = ConfigDict(extra="forbid")

    preference: Points | None = None
    subject_fit: Points | None = None
    commute_per_km: Points | None = None
    post_priority: Points | None = None
    township_coverage: Points | None = None
    worst_preference_rank: Points | None = None
    moved: Points | None = None


class PlacementSolveCreate(BaseModel):
    model_config = write_config({"seconds": 10, "seed": 0, "weights": {"subject_fit": 30}})

    seconds: float = Field(10.0, ge=1, le=3600, description="time limit of the search")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    weights: WeightsIn | None = Field(None, description="override some default weights")
    keep_previous: bool = Field(
        False, description="start from the newest version and move as few people as possible"
    )


class WithdrawalCreate(BaseModel):
    model_config = write_config({"vice_principal_id": 7, "seconds": 10})

    vice_principal_id: Id
    seconds: float = Field(10.0, ge=1, le=3600, description="time limit of the re-solve")


class LockBody(BaseModel):
    model_config = write_config({"post_id": 3})

    post_id: Id | None = Field(
        None, description="the post to keep them in (default: where the newest version has them)"
    )


class LockOut(BaseModel):
    vice_principal_id: int
    post_id: int


class WeightOut(BaseModel):
    name: str
    default: int
    description: str


class ReasonOut(BaseModel):
    code: str
    message: str = Field(description="zh-CN")
    message_en: str
    related_post_ids: list[int]
    related_vice_principal_ids: list[int]


class Named(BaseModel):
    id: int
    code: str
    name: str


class PlacementOut(BaseModel):
    vice_principal: Named
    home_school: Named
    post: Named
    host_school: Named
    direction: str
    distance_km: float
    preference_rank: int | None
    subject_fit: bool
    locked: bool
    moved: bool


class UnplacedOut(BaseModel):
    vice_principal: Named
    reason: ReasonOut


class UnfilledOut(BaseModel):
    post: Named
    host_school: Named
    open_seats: int
    reason: ReasonOut


class TermOut(BaseModel):
    id: int
    code: str
    name: str


class ObjectiveTermOut(BaseModel):
    name: str
    weight: int
    amount: int
    points: int


class VersionOut(BaseModel):
    number: int
    status: Literal["draft", "published"]
    solve_id: int | None
    created_at: datetime
    published_at: datetime | None
    placed_count: int
    moved_count: int


class TermPlacementsOut(BaseModel):
    term: TermOut
    version: VersionOut
    objective: int
    bound: int
    optimal: bool
    gap_percent: float
    candidate_count: int
    seat_count: int
    withdrawn_vice_principal_id: int | None = Field(
        None, description="set when this version re-solved after a withdrawal"
    )
    terms: list[ObjectiveTermOut] = Field(description="the objective, itemised")
    weights: dict[str, int]
    placements: list[PlacementOut]
    unplaced: list[UnplacedOut]
    unfilled: list[UnfilledOut]


class MyPlacementOut(BaseModel):
    term: TermOut
    version: int
    published_at: datetime | None
    post: Named
    host_school: Named
    host_address: str
    direction: str
    distance_km: float
