from __future__ import annotations

from app.core.checks import dates_in_order
from app.core.resource import Label, Resource, referenced_by
from app.core.schema import patch_model
from app.posts.models import Post
from app.terms.models import Term
from app.terms.schemas import TermIn, TermOut

terms = Resource(
    path="terms",
    label=Label("学期", "term"),
    model=Term,
    read=TermOut,
    create=TermIn,
    update=patch_model(TermIn),
    filters=("code",),
    dependents=(referenced_by(Post, "term_id", Label("岗位", "posts")),),
    check=dates_in_order("start_date", "end_date", strict=True),
)
