"""Skills come from the county's own vocabulary (``counties.skills``), editable by the bureau."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.counties.models import County


def county_skills(session: Session, county_id: int | None) -> list[str]:
    """The county's skill vocabulary, in the order the bureau keeps it."""
    return list(session.scalar(select(County.skills).where(County.id == county_id)) or [])


def unknown_skill_problems(
    session: Session, county_id: int | None, data: Mapping[str, Any], fields: Sequence[str]
) -> list[Problem]:
    if not fields:
        return []
    vocabulary = set(county_skills(session, county_id))
    problems = []
    for name in fields:
        value = data.get(name)
        for skill in value if isinstance(value, list) else [value]:
            if skill is not None and skill not in vocabulary:
                problems.append(
                    Problem(
                        f"body.{name}",
                        f"“{skill}”不在本县的技能目录中",
                        f"'{skill}' is not in the county's skill vocabulary",
                    )
                )
    return problems
