"""One list helper for every collection: filters, search, stable sort, limit/offset."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import JSON, func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import Problem, invalid
from app.core.fields import MAX_ID
from app.core.models import Entity

T = TypeVar("T")

RESERVED = ("limit", "offset", "sort", "q")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class ListQuery:
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sort: str = "id"
    q: str | None = None
    filters: Mapping[str, Any] = field(default_factory=dict)
    searchable: Sequence[str] = ()


def parse_list_query(
    params: Mapping[str, str],
    model: type[Entity],
    filters: Sequence[str],
    searchable: Sequence[str],
) -> ListQuery:
    """Turn ``?limit=&offset=&sort=-name&q=&<filter>=`` into a :class:`ListQuery`.

    Unknown parameters are refused: a misspelt filter silently returning every row is the
    kind of mistake a coordinator would never notice.
    """
    problems: list[Problem] = []
    limit = _integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, problems)
    offset = _integer(params, "offset", 0, 0, 10**9, problems)
    sort = params.get("sort", "id")
    sortable = [c.name for c in model.__table__.columns if not isinstance(c.type, JSON)]
    if sort.removeprefix("-") not in sortable:
        problems.append(
            Problem(
                "query.sort",
                f"只能按 {', '.join(sortable)} 排序",
                f"sort must be one of {', '.join(sortable)} (prefix - for descending)",
            )
        )
    values: dict[str, Any] = {}
    for name, raw in params.items():
        if name in RESERVED:
            continue
        if name not in filters:
            problems.append(Problem(f"query.{name}", "未知的查询参数", "unknown query parameter"))
            continue
        python_type = getattr(model, name).type.python_type
        try:
            value = TypeAdapter(python_type).validate_python(raw, strict=False)
            if isinstance(value, int) and not -MAX_ID <= value <= MAX_ID:
                raise ValueError(value)  # the database's INTEGER could not hold it
            values[name] = value
        except (ValidationError, ValueError):
            problems.append(
                Problem(f"query.{name}", "查询参数取值无效", f"must be a {python_type.__name__}")
            )
    if problems:
        raise invalid(problems)
    return ListQuery(limit, offset, sort, params.get("q") or None, values, searchable)


def _integer(
    params: Mapping[str, str], name: str, default: int, low: int, high: int, problems: list[Problem]
) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        problems.append(
            Problem(
                f"query.{name}",
                f"必须是 {low}–{high} 之间的整数",
                f"must be an integer {low}–{high}",
            )
        )
        return default
    return int(raw)


def list_page(
    session: Session,
    model: type[Entity],
    statement: Any,
    query: ListQuery,
    item_schema: type[BaseModel],
) -> Page[Any]:
    columns: Any = model
    for name, value in query.filters.items():
        statement = statement.where(getattr(columns, name) == value)
    if query.q:
        searchable = [getattr(columns, name) for name in query.searchable]
        if searchable:
            statement = statement.where(or_(*(c.contains(query.q) for c in searchable)))
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    column = getattr(columns, query.sort.removeprefix("-"))
    order = column.desc() if query.sort.startswith("-") else column.asc()
    # id as the tie-breaker keeps pages stable when many rows share a sort value.
    statement = statement.order_by(order, model.id.asc()).limit(query.limit).offset(query.offset)
    rows = session.scalars(statement).all()
    items = [item_schema.model_validate(row) for row in rows]
    return Page[Any](items=items, total=total, limit=query.limit, offset=query.offset)
