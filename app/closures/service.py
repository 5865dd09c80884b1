from __future__ import annotations

from app.closures.models import Closure
from app.closures.schemas import ClosureIn, ClosureOut
from app.core.checks import dates_in_order
from app.core.resource import Label, Resource
from app.core.schema import patch_model

closures = Resource(
    path="closures",
    label=Label("停课日", "closure"),
    model=Closure,
    read=ClosureOut,
    create=ClosureIn,
    update=patch_model(ClosureIn),
    filters=("start_date",),
    searchable=("reason",),
    check=dates_in_order("start_date", "end_date", strict=False),
)
