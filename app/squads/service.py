from __future__ import annotations

from app.core.resource import Label, Ref, Resource, referenced_by
from app.core.schema import patch_model
from app.squads.models import Squad
from app.squads.schemas import SquadIn, SquadOut
from app.tokens.models import ApiToken
from app.townships.models import Township
from app.townships.service import TOWNSHIP

squads = Resource(
    path="squads",
    label=Label("小分队", "squad"),
    model=Squad,
    read=SquadOut,
    create=SquadIn,
    update=patch_model(SquadIn),
    filters=("code",),
    refs=(Ref("paired_township_ids", Township, TOWNSHIP),),
    skill_fields=("skills",),
    dependents=(referenced_by(ApiToken, "squad_id", Label("令牌", "tokens")),),
)
