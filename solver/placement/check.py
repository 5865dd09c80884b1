"""An independent referee for a placement result: every hard rule, re-derived from the input.

Shares nothing with the model but the input types: it recomputes distances with the
spherical law of cosines (the model uses haversine) and restates each rule from the issue,
so a bug in the model's eligibility test cannot hide itself here.
"""

from __future__ import annotations

import math
from collections import Counter

from solver.placement.model import Direction, PlacementInstance
from solver.placement.result import PlacementResult

_EARTH_KM = 6371.0088
# Two distance formulas differ by far less than this on county scales.
_KM_TOLERANCE = 1e-3


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cosine = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return _EARTH_KM * math.acos(max(-1.0, min(1.0, cosine)))


def check_placements(instance: PlacementInstance, result: PlacementResult) -> list[str]:
    """Every broken hard rule or inconsistent count, as sentences; empty when all hold."""
    schools = {s.id: s for s in instance.schools}
    candidates = {c.id: c for c in instance.candidates}
    posts = {p.id: p for p in instance.posts}
    problems: list[str] = []
    per_candidate = Counter(p.candidate for p in result.placements)
    problems += [f"{c} holds {n} posts" for c, n in per_candidate.items() if n > 1]
    per_post = Counter(p.post for p in result.placements)
    for post_id, n in per_post.items():
        if post_id not in posts:
            problems.append(f"unknown post {post_id}")
        elif n > posts[post_id].seats:
            problems.append(f"post {post_id} has {n} people for {posts[post_id].seats} seats")
    for placement in result.placements:
        cand, post = candidates.get(placement.candidate), posts.get(placement.post)
        if cand is None or post is None:
            problems.append(f"unknown candidate or post in {placement}")
            continue
        home, host = schools[cand.home_school], schools[post.host_school]
        who = f"{cand.id} at {post.id}"
        if cand.phase != post.phase:
            problems.append(f"{who}: phase {cand.phase} vs {post.phase}")
        wanted = Direction.GUAZHI if home.urban else Direction.LUNGANG
        if post.direction != wanted:
            problems.append(f"{who}: {'urban' if home.urban else 'rural'} home, {post.direction}")
        if post.host_school == cand.home_school:
            problems.append(f"{who}: placed at their own school")
        if cand.previous_hosts and post.host_school == cand.previous_hosts[-1]:
            problems.append(f"{who}: back at last term's host")
        km = _km(home.lat, home.lon, host.lat, host.lon)
        if km > cand.commute_limit_km + _KM_TOLERANCE:
            problems.append(f"{who}: {km:.1f} km beyond commute limit {cand.commute_limit_km}")
        if cand.max_km_from_home is not None and km > cand.max_km_from_home + _KM_TOLERANCE:
            problems.append(f"{who}: {km:.1f} km beyond bureau limit {cand.max_km_from_home}")
    held = {p.candidate: p.post for p in result.placements}
    for lock in instance.locks:
        if held.get(lock.candidate) != lock.post:
            problems.append(f"lock {lock.candidate} → {lock.post} not kept")
    problems += _check_bookkeeping(instance, result, held)
    return problems


def _check_bookkeeping(
    instance: PlacementInstance, result: PlacementResult, held: dict[str, str]
) -> list[str]:
    """Counts and lists in the result agree with its placements."""
    problems = []
    if result.placed_count != len(result.placements):
        problems.append("placed_count differs from the placements listed")
    unplaced = {c.id for c in instance.candidates} - set(held)
    if {u.candidate for u in result.unplaced} != unplaced:
        problems.append("unplaced list differs from the candidates without a post")
    used = Counter(held.values())
    open_seats = {p.id: p.seats - used[p.id] for p in instance.posts if used[p.id] < p.seats}
    if {u.post: u.open_seats for u in result.unfilled} != open_seats:
        problems.append("unfilled list differs from the posts with open seats")
    present = {c.id for c in instance.candidates}
    moved = sum(1 for c, p in instance.previous if c in present and held.get(c) != p)
    if result.moved_count != moved:
        problems.append(f"moved_count {result.moved_count}, recount {moved}")
    if sum(t.points for t in result.terms) != result.objective:
        problems.append("objective differs from the sum of its itemised terms")
    return problems
