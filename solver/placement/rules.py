"""The hard rules of a placement, in the bureau's words, as one function per pair.

The model only creates variables for pairs that pass; the explanations reuse the same list to
say which rule stood in the way. (``check.py`` re-derives every rule on its own.)
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from solver.geo import great_circle_km
from solver.placement.model import Candidate, Direction, PlacementInstance, Post, School


class Rule(StrEnum):
    """Why a candidate may not take a post, in the order they are tested."""

    PHASE = "phase"  # a primary-school vice-principal goes to a primary-school post
    DIRECTION = "direction"  # urban candidates take 挂职 posts, rural candidates 轮岗 posts
    HOME_SCHOOL = "home_school"  # never at their own school
    LAST_HOST = "last_host"  # never back at last term's host school
    COMMUTE = "commute"  # host within the candidate's commute limit
    BUREAU_LIMIT = "bureau_limit"  # host within the bureau-flagged distance from home


def direction_for(home: School) -> Direction:
    """Urban candidates go down to rural schools (挂职); rural ones go up to learn (轮岗)."""
    return Direction.GUAZHI if home.urban else Direction.LUNGANG


def distance_km(
    instance: PlacementInstance,
    candidate: Candidate,
    post: Post,
    schools: Mapping[str, School] | None = None,
) -> float:
    """Great-circle km from the candidate's home school to the post's host school."""
    lookup = schools if schools is not None else {s.id: s for s in instance.schools}
    home, host = lookup[candidate.home_school], lookup[post.host_school]
    return great_circle_km(home.lat, home.lon, host.lat, host.lon)


def broken_rule(
    schools: dict[str, School], candidate: Candidate, post: Post
) -> tuple[Rule, float] | None:
    """The first hard rule the pair breaks (with the distance in km), or None if allowed."""
    home, host = schools[candidate.home_school], schools[post.host_school]
    km = great_circle_km(home.lat, home.lon, host.lat, host.lon)
    if post.phase != candidate.phase:
        return Rule.PHASE, km
    if post.direction != direction_for(home):
        return Rule.DIRECTION, km
    if post.host_school == candidate.home_school:
        return Rule.HOME_SCHOOL, km
    if post.host_school == candidate.last_host:
        return Rule.LAST_HOST, km
    if km > candidate.commute_limit_km:
        return Rule.COMMUTE, km
    if candidate.max_km_from_home is not None and km > candidate.max_km_from_home:
        return Rule.BUREAU_LIMIT, km
    return None
