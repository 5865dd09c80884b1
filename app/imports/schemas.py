"""Response bodies of the import endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field


class SheetNote(BaseModel):
    """Something about the sheet that did not stop the import (e.g. an unknown column)."""

    field: str = Field(description="where, Excel-style: sheet!B1")
    sheet: str
    row: int | None
    column: str
    message: str
    message_en: str


class ImportReport(BaseModel):
    entity: str
    dry_run: bool = Field(description="true: validated only, nothing was written")
    sheet: str
    rows: int = Field(description="data rows read")
    created: int
    updated: int
    unchanged: int
    warnings: list[SheetNote]
