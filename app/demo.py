"""Load ``seed.demo``'s fictional county, and prepare everything `make run` serves.

Every record passes through the same Pydantic bodies the API uses, so demo data can never
hold what a coordinator could not type in.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cases.service import cases
from app.closures.service import closures
from app.core.config import Settings
from app.core.db import make_engine, make_sessionmaker
from app.core.migrations import upgrade
from app.core.models import Entity
from app.core.resource import Resource
from app.core.security import principal_for
from app.counties.models import County
from app.counties.service import counties
from app.needs.service import needs
from app.posts.service import posts
from app.schools.service import schools
from app.squads.service import squads
from app.teachers.service import teachers
from app.terms.service import terms
from app.tokens.service import issue
from app.townships.service import townships
from app.vice_principals.service import vice_principals
from seed import demo

# Seed records refer to each other by code; these become ids of the named collection.
_REFERENCES = {
    "township_code": ("townships", "township_id"),
    "paired_school_code": ("schools", "paired_school_id"),
    "base_school_code": ("schools", "base_school_id"),
    "school_code": ("schools", "school_id"),
    "teacher_code": ("teachers", "teacher_id"),
    "term_code": ("terms", "term_id"),
    "host_school_code": ("schools", "host_school_id"),
    "home_school_code": ("schools", "home_school_id"),
    "paired_township_codes": ("townships", "paired_township_ids"),
    "preference_codes": ("posts", "preferences"),
}


def load_demo(session: Session, seed: int | None = None) -> tuple[int, bool]:
    """Insert the demo county unless a county with its code exists; returns (id, created)."""
    record = demo.generate(demo.DEFAULT_SEED if seed is None else seed)
    existing = session.scalar(select(County.id).where(County.code == record.code))
    if existing is not None:
        return existing, False
    # Urban schools come first, so the central schools twinned with them can refer back.
    contents: tuple[tuple[Resource, str], ...] = (
        (townships, "townships"),
        (schools, "schools"),
        (squads, "squads"),
        (teachers, "teachers"),
        (cases, "cases"),
        (needs, "needs"),
        (terms, "terms"),
        (posts, "posts"),
        (vice_principals, "vice_principals"),
        (closures, "closures"),
    )
    county_fields = asdict(record)
    for _, attribute in contents:
        county_fields.pop(attribute)
    county = _add(session, counties, None, county_fields)
    ids: dict[str, dict[str, int]] = {}
    for resource, attribute in contents:
        table = ids.setdefault(resource.path, {})
        for item in getattr(record, attribute):
            row = _add(session, resource, county.id, _resolve(asdict(item), ids))
            code = getattr(item, "code", None)
            if code is not None:
                table[code] = row.id
    session.commit()
    return county.id, True


def _resolve(fields: dict[str, Any], ids: dict[str, dict[str, int]]) -> dict[str, Any]:
    for name, (path, target) in _REFERENCES.items():
        if name not in fields:
            continue
        value = fields.pop(name)
        if isinstance(value, list | tuple):
            fields[target] = [ids[path][code] for code in value]
        else:
            fields[target] = None if value is None else ids[path][value]
    return fields


def _add(
    session: Session, resource: Resource, county_id: int | None, fields: dict[str, Any]
) -> Entity:
    body: BaseModel = resource.create.model_validate(fields)
    row = resource.model(**body.model_dump())
    if county_id is not None:
        row.county_id = county_id  # type: ignore[attr-defined]
    session.add(row)
    session.flush()  # assigns the id that later records refer to
    return row


def prepare_demo(settings: Settings) -> Path:
    """What `make run` does before serving: migrate, load the demo county if the database
    has none, and make sure ``settings.demo_token_file`` holds a working coordinator token."""
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    path = settings.demo_token_file
    with make_sessionmaker(engine)() as session:
        county_id = session.scalar(select(County.id).order_by(County.id))
        if county_id is None:
            county_id, _ = load_demo(session)
        current = path.read_text().strip() if path.exists() else ""
        if not current or principal_for(session, current) is None:
            secret = issue(session, "coordinator", county_id, label="demo coordinator").secret
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secret + "\n")
            path.chmod(0o600)
    engine.dispose()
    return path
