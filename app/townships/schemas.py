from __future__ import annotations

from pydantic import BaseModel

from app.core.fields import Code, Latitude, Longitude, Name
from app.core.schema import CountyStored, write_config


class TownshipIn(BaseModel):
    model_config = write_config(
        {"code": "T01", "name": "红柳滩镇", "latitude": 39.12, "longitude": 100.21}
    )

    code: Code
    name: Name
    latitude: Latitude
    longitude: Longitude


class TownshipOut(TownshipIn, CountyStored):
    pass
