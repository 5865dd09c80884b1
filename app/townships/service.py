from __future__ import annotations

from app.core.resource import Label, Resource, listed_in, referenced_by
from app.core.schema import patch_model
from app.schools.models import School
from app.squads.models import Squad
from app.townships.models import Township
from app.townships.schemas import TownshipIn, TownshipOut

TOWNSHIP = Label("乡镇", "township")

townships = Resource(
    path="townships",
    label=TOWNSHIP,
    model=Township,
    read=TownshipOut,
    create=TownshipIn,
    update=patch_model(TownshipIn),
    filters=("code",),
    dependents=(
        referenced_by(School, "township_id", Label("学校", "schools")),
        listed_in(Squad, "paired_township_ids", Label("对接小分队", "paired squads")),
    ),
)
