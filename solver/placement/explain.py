"""Why a candidate stayed unplaced or a post stayed open, in words a coordinator can repeat.

Reasons are derived from the hard rules and the final placement only, never from solver
internals, so they hold for any placement the coordinator is looking at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from solver.placement.model import Candidate, PlacementInstance, Post, School
from solver.placement.result import Reason, UnfilledPost, UnplacedCandidate
from solver.placement.rules import Rule, broken_rule

_RULE_WORDS = {
    Rule.PHASE: "of their school phase",
    Rule.DIRECTION: "of their direction (urban → 挂职, rural → 轮岗)",
    Rule.HOME_SCHOOL: "other than at their own school",
    Rule.LAST_HOST: "other than last term's host school",
    Rule.COMMUTE: "within their commute limit",
    Rule.BUREAU_LIMIT: "within the distance from home the bureau set for them",
}


def explain(
    instance: PlacementInstance, placed: Mapping[str, str]
) -> tuple[list[UnplacedCandidate], list[UnfilledPost]]:
    """Reasons for every unplaced candidate and every post with open seats."""
    schools = {s.id: s for s in instance.schools}
    used = Counter(placed.values())
    unplaced = [
        UnplacedCandidate(c.id, _candidate_reason(schools, c, instance.posts, placed, used))
        for c in instance.candidates
        if c.id not in placed
    ]
    unfilled = [
        UnfilledPost(p.id, p.seats - used[p.id], _post_reason(schools, p, instance, placed))
        for p in instance.posts
        if used[p.id] < p.seats
    ]
    return unplaced, unfilled


def _candidate_reason(
    schools: dict[str, School],
    candidate: Candidate,
    posts: tuple[Post, ...],
    placed: Mapping[str, str],
    used: Counter[str],
) -> Reason:
    blocked = {p.id: broken_rule(schools, candidate, p) for p in posts if p.seats > 0}
    open_to = [pid for pid, why in blocked.items() if why is None]
    if open_to:
        holders = tuple(c for c, p in placed.items() if p in open_to)
        return Reason(
            "seats_taken",
            f"every seat of the {len(open_to)} post(s) open to them is taken by matches "
            "worth more (more candidates placed or more points)",
            tuple(open_to) + holders,
        )
    if not blocked:
        return Reason("no_posts", "this term has no posts with seats")
    # The rule that blocks the most posts late in the list is the most specific story.
    deepest = max((why for why in blocked.values() if why), key=lambda r: list(Rule).index(r[0]))
    rule = deepest[0]
    related = tuple(pid for pid, why in blocked.items() if why and why[0] == rule)
    message = f"no post {_RULE_WORDS[rule]}"
    if rule in (Rule.COMMUTE, Rule.BUREAU_LIMIT):
        nearest = min(why[1] for why in blocked.values() if why and why[0] == rule)
        message += f": the nearest suitable post is {nearest:.0f} km away, the limit is "
        message += f"{candidate.distance_limit_km:.0f} km"
    return Reason(f"no_post_{rule.value}", message, related)


def _post_reason(
    schools: dict[str, School], post: Post, instance: PlacementInstance, placed: Mapping[str, str]
) -> Reason:
    verdicts = {c.id: broken_rule(schools, c, post) for c in instance.candidates}
    eligible = [cid for cid, why in verdicts.items() if why is None]
    if eligible:
        elsewhere = tuple(cid for cid in eligible if cid in placed)
        return Reason(
            "candidates_placed_elsewhere",
            f"all {len(eligible)} candidate(s) who may take it are placed at posts worth more",
            elsewhere,
        )
    if not verdicts:
        return Reason("no_candidates", "this term has no candidates")
    counts = Counter(why[0] for why in verdicts.values() if why)
    rule, _ = counts.most_common(1)[0]
    words = {
        Rule.PHASE: "no candidate of its school phase",
        Rule.DIRECTION: "no candidate from the right side (urban for 挂职, rural for 轮岗)",
        Rule.HOME_SCHOOL: "its only candidates work at this school",
        Rule.LAST_HOST: "its only candidates were here last term",
        Rule.COMMUTE: "no suitable candidate lives within commuting distance",
        Rule.BUREAU_LIMIT: "the bureau's distance limits keep suitable candidates away",
    }
    return Reason(f"no_candidate_{rule.value}", words[rule], ())
