from __future__ import annotations

from app.core.resource import Label, Ref, Resource, referenced_by
from app.core.schema import patch_model
from app.posts.models import Post
from app.posts.service import POST
from app.schools.models import School
from app.tokens.models import ApiToken
from app.vice_principals.models import VicePrincipal
from app.vice_principals.schemas import VicePrincipalIn, VicePrincipalOut

vice_principals = Resource(
    path="vice-principals",
    label=Label("副校长", "vice-principal"),
    model=VicePrincipal,
    read=VicePrincipalOut,
    create=VicePrincipalIn,
    update=patch_model(VicePrincipalIn),
    filters=("code", "phase", "subject", "home_school_id"),
    refs=(
        Ref("home_school_id", School, Label("学校", "school")),
        Ref("preferences", Post, POST),
        Ref("previous_post_id", Post, POST),
    ),
    dependents=(referenced_by(ApiToken, "vice_principal_id", Label("令牌", "tokens")),),
)
