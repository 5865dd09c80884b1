"""The route table, read the way the permission tests need it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from app.core.permissions import Rule


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    rules: tuple[Rule, ...]

    @property
    def has_row(self) -> bool:
        return "{" in self.path

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _rules(dependant: Dependant) -> Iterator[Rule]:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, Rule):
            yield dependency.call
        yield from _rules(dependency)


def endpoints(app: FastAPI) -> list[Endpoint]:
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        for method in sorted(context.methods or ()):
            found.append(Endpoint(method, str(context.path), tuple(_rules(route.dependant))))
    return found


def non_api_paths(app: FastAPI) -> set[str]:
    return {
        str(context.path)
        for context in iter_route_contexts(app.routes)
        if not isinstance(context.original_route, APIRoute)
    }
