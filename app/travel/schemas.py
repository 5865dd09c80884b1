"""Bodies of the travel endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field


class MatrixUploadReport(BaseModel):
    dry_run: bool
    rows: int = Field(description="data rows read")
    entries: int = Field(description="pairs now stored (a repeated identical row counts once)")
    replaced: int = Field(description="pairs the previous upload had")


class MatrixEntry(BaseModel):
    from_code: str
    to_code: str
    minutes: int
    stale: bool = Field(description="a place has moved since the upload; the pair is unused")


class MatrixListing(BaseModel):
    count: int
    entries: list[MatrixEntry]
