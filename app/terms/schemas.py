from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from app.core.fields import Code, Name
from app.core.schema import CountyStored, write_config


class TermIn(BaseModel):
    model_config = write_config(
        {
            "code": "2026-2",
            "name": "2026年秋季学期",
            "start_date": "2026-09-01",
            "end_date": "2027-01-15",
        }
    )

    code: Code
    name: Name
    start_date: date
    end_date: date


class TermOut(TermIn, CountyStored):
    pass
