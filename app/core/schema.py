"""Base classes for request and response bodies."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model


def write_config(example: dict[str, Any]) -> ConfigDict:
    """Write bodies reject unknown fields (a typo must not be silently dropped) and carry
    an example that /docs shows and the tests replay."""
    return ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [example]}
    )


class Stored(BaseModel):
    """Fields every response row carries besides its own."""

    model_config = ConfigDict(from_attributes=True, extra="ignore", json_schema_extra=None)

    id: int
    version: int


class CountyStored(Stored):
    county_id: int


class ErrorDetail(BaseModel):
    field: str
    message: str
    message_en: str


class ErrorContent(BaseModel):
    code: str
    message: str
    message_en: str
    details: list[ErrorDetail]


class ErrorBody(BaseModel):
    """The shape of every error response (401, 403, 404, 409, 412, 422 …)."""

    error: ErrorContent


def patch_model(create: type[BaseModel]) -> type[BaseModel]:
    """The PATCH body of a resource: every field of its create body, all optional.

    The service re-validates the merged row with the create body, so cross-field rules
    (lunch inside school hours, …) hold for PATCH exactly as for POST.
    """
    fields: dict[str, Any] = {}
    for name, info in create.model_fields.items():
        typed: Any = (
            Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        )
        fields[name] = (typed | None, Field(None, description=info.description))
    partial = dict(list(example_of(create).items())[:2])
    return create_model(
        f"{create.__name__}Patch",
        __config__=ConfigDict(extra="forbid", json_schema_extra={"examples": [partial]}),
        **fields,
    )


def example_of(schema: type[BaseModel]) -> dict[str, Any]:
    """The first example a body declares (see :func:`write_config`), or {}."""
    extra = schema.model_config.get("json_schema_extra")
    examples = extra.get("examples") if isinstance(extra, dict) else None
    first = examples[0] if isinstance(examples, list) and examples else None
    return dict(first) if isinstance(first, dict) else {}
