"""The soft rules as plain arithmetic on a finished placement, term by term.

The CP-SAT model states the same terms as linear expressions; a test checks both agree, so
the itemised objective shown to coordinators is exactly what the solver optimised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from solver.placement.model import (
    PREFERENCE_DEPTH,
    Candidate,
    Direction,
    PlacementInstance,
    PlacementWeights,
    Post,
    School,
)
from solver.placement.rules import distance_km


@dataclass(frozen=True, slots=True)
class ObjectiveTerm:
    """One soft rule: ``points = sign × weight × amount`` (sign −1 for penalties)."""

    name: str
    weight: int
    amount: int
    points: int


def preference_rank(candidate: Candidate, post: Post) -> int | None:
    """1 for a first choice …; None when the candidate listed no preferences at all."""
    if not candidate.preferences:
        return None
    if post.id in candidate.preferences[:PREFERENCE_DEPTH]:
        return candidate.preferences.index(post.id) + 1
    # Listed deeper than the depth, or not listed: as bad as the list allows.
    return PREFERENCE_DEPTH + 1


def preference_steps(candidate: Candidate, post: Post) -> int:
    rank = preference_rank(candidate, post)
    return 0 if rank is None else PREFERENCE_DEPTH + 1 - rank


def subject_fits(candidate: Candidate, post: Post) -> bool:
    return candidate.subject in post.wanted_subjects


def whole_km(
    instance: PlacementInstance,
    candidate: Candidate,
    post: Post,
    schools: Mapping[str, School] | None = None,
) -> int:
    """Distance rounded to a whole km: CP-SAT needs integer coefficients.

    ``schools`` (id → school) saves rebuilding the lookup when called for many pairs.
    """
    return round(distance_km(instance, candidate, post, schools))


def guazhi_townships(instance: PlacementInstance) -> list[str]:
    """Townships with at least one 挂职 post: where coverage is possible at all."""
    township_of = {s.id: s.township for s in instance.schools}
    found = {
        township_of[p.host_school]
        for p in instance.posts
        if p.direction == Direction.GUAZHI and p.seats > 0
    }
    return sorted(found)


def moved_candidates(instance: PlacementInstance, placed: Mapping[str, str]) -> list[str]:
    """Candidates of the previous solution (still present) not on their previous post."""
    present = {c.id for c in instance.candidates}
    return sorted(c for c, p in instance.previous if c in present and placed.get(c) != p)


def objective_terms(
    instance: PlacementInstance, weights: PlacementWeights, placed: Mapping[str, str]
) -> list[ObjectiveTerm]:
    """Every soft rule's amount and points for ``placed`` (candidate id → post id)."""
    candidates = {c.id: c for c in instance.candidates}
    posts = {p.id: p for p in instance.posts}
    schools = {s.id: s for s in instance.schools}
    pairs = [(candidates[c], posts[p]) for c, p in placed.items()]
    covered = {schools[p.host_school].township for _, p in pairs if p.direction == Direction.GUAZHI}
    ranks = [r for c, p in pairs if (r := preference_rank(c, p)) is not None]
    w = weights
    amounts = [
        ("preference", w.preference, sum(preference_steps(c, p) for c, p in pairs), 1),
        ("subject_fit", w.subject_fit, sum(subject_fits(c, p) for c, p in pairs), 1),
        (
            "commute_km",
            w.commute_per_km,
            sum(whole_km(instance, c, p, schools) for c, p in pairs),
            -1,
        ),
        ("post_priority", w.post_priority, sum(p.priority for _, p in pairs), 1),
        ("township_coverage", w.township_coverage, len(covered), 1),
        ("worst_preference_rank", w.worst_preference_rank, max(ranks, default=0), -1),
        ("moved", w.moved, len(moved_candidates(instance, placed)), -1),
    ]
    return [ObjectiveTerm(n, wt, a, sign * wt * a) for n, wt, a, sign in amounts]
