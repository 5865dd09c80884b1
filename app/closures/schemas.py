from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from app.core.fields import Name
from app.core.schema import CountyStored, write_config


class ClosureIn(BaseModel):
    model_config = write_config(
        {"start_date": "2026-10-01", "end_date": "2026-10-07", "reason": "国庆节"}
    )

    start_date: date
    end_date: date
    reason: Name


class ClosureOut(ClosureIn, CountyStored):
    pass
