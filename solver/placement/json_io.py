"""Placement instances and results as JSON-ready dicts (the command and the web API share it).

Directions may be written ``guazhi``/``挂职`` and ``lungang``/``轮岗``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from solver.placement.model import (
    Candidate,
    Direction,
    Lock,
    Phase,
    PlacementInstance,
    PlacementWeights,
    Post,
    School,
)
from solver.placement.result import PlacementResult

_DIRECTIONS = {"挂职": Direction.GUAZHI, "轮岗": Direction.LUNGANG}


def instance_from_dict(data: dict[str, Any]) -> PlacementInstance:
    """Build an instance from plain JSON values; raises KeyError/ValueError when malformed."""
    schools = tuple(
        School(
            s["id"],
            s.get("name", s["id"]),
            s["township"],
            float(s["lat"]),
            float(s["lon"]),
            bool(s["urban"]),
        )
        for s in data["schools"]
    )
    candidates = tuple(
        Candidate(
            id=c["id"],
            name=c.get("name", c["id"]),
            home_school=c["home_school"],
            phase=Phase(c["phase"]),
            subject=c.get("subject", ""),
            years_of_service=int(c.get("years_of_service", 0)),
            commute_limit_km=float(c["commute_limit_km"]),
            max_km_from_home=(
                None if c.get("max_km_from_home") is None else float(c["max_km_from_home"])
            ),
            preferences=tuple(c.get("preferences", ())),
            previous_hosts=tuple(c.get("previous_hosts", ())),
        )
        for c in data["candidates"]
    )
    posts = tuple(
        Post(
            id=p["id"],
            host_school=p["host_school"],
            direction=_DIRECTIONS.get(p["direction"]) or Direction(p["direction"]),
            phase=Phase(p["phase"]),
            seats=int(p.get("seats", 1)),
            wanted_subjects=tuple(p.get("wanted_subjects", ())),
            priority=int(p.get("priority", 1)),
        )
        for p in data["posts"]
    )
    locks = tuple(Lock(k["candidate"], k["post"]) for k in data.get("locks", ()))
    previous = tuple(sorted(data.get("previous", {}).items()))
    return PlacementInstance(schools, candidates, posts, locks, previous, data.get("name", ""))


def weights_from_dict(data: dict[str, Any] | None) -> PlacementWeights:
    """Defaults overridden by any fields given; unknown names are an error, not ignored."""
    return PlacementWeights(**{k: int(v) for k, v in (data or {}).items()})


def result_to_dict(result: PlacementResult) -> dict[str, Any]:
    out = dataclasses.asdict(result)
    out["gap_percent"] = round(result.gap_percent, 4)
    out["seconds"] = round(result.seconds, 3)
    return out
