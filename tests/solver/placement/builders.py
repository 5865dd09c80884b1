"""Small hand-made counties for the placement tests.

Coordinates sit on one meridian so distances are easy to reason about: 0.1° of latitude is
about 11.1 km.
"""

from __future__ import annotations

import itertools
import random

from solver.placement.model import (
    Candidate,
    Direction,
    Phase,
    PlacementInstance,
    Post,
    School,
)

KM_PER_TENTH_DEGREE = 11.12


def school(sid: str, km_north: float, *, urban: bool, township: str = "") -> School:
    """A school ``km_north`` km north of the county seat at 38.9°N 100.4°E."""
    lat = 38.9 + km_north / KM_PER_TENTH_DEGREE / 10
    return School(sid, sid, township or ("城关镇" if urban else f"T-{sid}"), lat, 100.4, urban)


def candidate(cid: str, home: str, **overrides: object) -> Candidate:
    fields: dict[str, object] = {
        "id": cid,
        "name": cid,
        "home_school": home,
        "phase": Phase.PRIMARY,
        "subject": "数学",
        "years_of_service": 5,
        "commute_limit_km": 100.0,
    }
    fields.update(overrides)
    return Candidate(**fields)  # type: ignore[arg-type]


def post(pid: str, host: str, **overrides: object) -> Post:
    fields: dict[str, object] = {
        "id": pid,
        "host_school": host,
        "direction": Direction.GUAZHI,
        "phase": Phase.PRIMARY,
    }
    fields.update(overrides)
    return Post(**fields)  # type: ignore[arg-type]


def random_instance(seed: int, candidates: int = 5, posts: int = 4) -> PlacementInstance:
    """A tiny county with mixed phases, directions, limits and preferences.

    Mostly urban candidates, rural hosts and primary phase, so most candidates have a choice
    and compete for seats, while every hard rule still blocks some pairs.
    """
    rng = random.Random(seed)
    schools = [school(f"U{i}", rng.uniform(0, 3), urban=True) for i in range(2)] + [
        school(f"R{i}", rng.uniform(5, 60), urban=False, township=f"T{i % 2}") for i in range(4)
    ]
    post_list = []
    for i in range(posts):
        host = rng.choice(schools[:1] + schools[2:])
        post_list.append(
            post(
                f"P{i}",
                host.id,
                direction=Direction.LUNGANG if host.urban else Direction.GUAZHI,
                phase=rng.choice([Phase.PRIMARY, Phase.PRIMARY, Phase.MIDDLE]),
                seats=rng.choice([1, 1, 2]),
                wanted_subjects=tuple(rng.sample(["数学", "语文", "英语"], 1)),
                priority=rng.randint(1, 5),
            )
        )
    cand_list = []
    for i in range(candidates):
        home = rng.choice(schools[:3])
        prefs = tuple(rng.sample([p.id for p in post_list], rng.randint(0, len(post_list))))
        cand_list.append(
            candidate(
                f"C{i}",
                home.id,
                phase=rng.choice([Phase.PRIMARY, Phase.PRIMARY, Phase.MIDDLE]),
                subject=rng.choice(["数学", "语文", "英语"]),
                commute_limit_km=rng.choice([30.0, 50.0, 80.0]),
                max_km_from_home=rng.choice([None, None, 40.0]),
                preferences=prefs,
                previous_hosts=(rng.choice(schools).id,) if rng.random() < 0.3 else (),
            )
        )
    return PlacementInstance(tuple(schools), tuple(cand_list), tuple(post_list), name=f"r{seed}")


def all_mappings(instance: PlacementInstance) -> itertools.product[tuple[str | None, ...]]:
    """Every way to give each candidate one post or none (hard rules not yet applied)."""
    options = [None, *(p.id for p in instance.posts)]
    return itertools.product(options, repeat=len(instance.candidates))
