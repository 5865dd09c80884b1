"""A term's vice-principal placements as immutable values: who may go, where, and the policy.

Two programmes share one matching. 挂职 (``Direction.GUAZHI``): a newly appointed *urban*
vice-principal takes a term-long post at a rural school. 轮岗 (``Direction.LUNGANG``): a *rural*
vice-principal rotates into an urban school to learn. Distances are great-circle km between
the candidate's home school and the host school (no road network at term level).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Phase(StrEnum):
    PRIMARY = "primary"
    MIDDLE = "middle"


class Direction(StrEnum):
    """Which way a post sends people; the candidate's home decides which they may take."""

    GUAZHI = "guazhi"  # 挂职: urban candidate → rural host school
    LUNGANG = "lungang"  # 轮岗: rural candidate → urban host school


@dataclass(frozen=True, slots=True)
class School:
    id: str
    name: str
    township: str
    lat: float
    lon: float
    urban: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A vice-principal who may be placed this term."""

    id: str
    name: str
    home_school: str
    phase: Phase
    subject: str
    years_of_service: int
    # The farthest host school (km from home school) the candidate can commute to.
    commute_limit_km: float
    # A tighter limit the bureau flagged (e.g. family reasons); None when not flagged.
    max_km_from_home: float | None = None
    # Post ids, best first; may be empty.
    preferences: tuple[str, ...] = ()
    # Host school ids of earlier terms, oldest first; the last one is last term's host.
    previous_hosts: tuple[str, ...] = ()

    @property
    def last_host(self) -> str | None:
        return self.previous_hosts[-1] if self.previous_hosts else None

    @property
    def distance_limit_km(self) -> float:
        """The binding limit: the commute limit or the bureau's flag, whichever is tighter."""
        if self.max_km_from_home is None:
            return self.commute_limit_km
        return min(self.commute_limit_km, self.max_km_from_home)


@dataclass(frozen=True, slots=True)
class Post:
    """Seats for vice-principals at one host school for the term."""

    id: str
    host_school: str
    direction: Direction
    phase: Phase
    seats: int = 1
    wanted_subjects: tuple[str, ...] = ()
    # 1 = lowest … 5 = most urgent (the service's scale); a school with no leadership
    # support ranks high.
    priority: int = 1


@dataclass(frozen=True, slots=True)
class Lock:
    """A placement the coordinator fixed by hand; every re-solve keeps it."""

    candidate: str
    post: str


@dataclass(frozen=True, slots=True)
class PlacementWeights:
    """Points of the soft rules, all integers; the solver maximises their sum.

    Placing as many candidates as possible is not a weight: it is settled first, and these
    points only choose among the placements that place that many.
    """

    # Per step of preference: a k-th choice earns preference × (PREFERENCE_DEPTH + 1 − k).
    preference: int = 10
    # A post that asked for the candidate's subject.
    subject_fit: int = 20
    # Lost per km between home school and host school.
    commute_per_km: int = 1
    # Per filled seat, times the post's priority.
    post_priority: int = 15
    # Each township with a 挂职 post that receives at least one 挂职 vice-principal.
    township_coverage: int = 200
    # Lost per rank of the worst-off candidate (max-min fairness of preferences); a
    # candidate placed off their list counts as rank PREFERENCE_DEPTH + 1.
    worst_preference_rank: int = 30
    # Lost per candidate whose placement differs from the previous solution (re-solves).
    # More than any one move can gain elsewhere, so a re-solve moves people essentially only
    # to place more candidates (which comes first anyway); lower it to let re-solves also
    # improve preferences, coverage or commutes.
    moved: int = 1000


# Preferences deeper than this rank earn nothing more than being listed last.
PREFERENCE_DEPTH = 5


@dataclass(frozen=True, slots=True)
class PlacementInstance:
    """Everything one term's solve needs; ``previous`` maps candidate id → post id."""

    schools: tuple[School, ...]
    candidates: tuple[Candidate, ...]
    posts: tuple[Post, ...]
    locks: tuple[Lock, ...] = ()
    previous: tuple[tuple[str, str], ...] = field(default=())
    name: str = ""

    def validate(self) -> list[str]:
        """Reference errors (unknown ids, duplicates) that make the instance unusable."""
        errors: list[str] = []
        school_ids = {s.id for s in self.schools}
        post_ids = {p.id for p in self.posts}
        candidate_ids = {c.id for c in self.candidates}
        for kind, ids in (
            ("school", [s.id for s in self.schools]),
            ("candidate", [c.id for c in self.candidates]),
            ("post", [p.id for p in self.posts]),
        ):
            if len(ids) != len(set(ids)):
                errors.append(f"duplicate {kind} ids")
        for c in self.candidates:
            if c.home_school not in school_ids:
                errors.append(f"candidate {c.id}: unknown home school {c.home_school}")
        for p in self.posts:
            if p.host_school not in school_ids:
                errors.append(f"post {p.id}: unknown host school {p.host_school}")
            if p.seats < 0:
                errors.append(f"post {p.id}: negative seats")
        for lock in self.locks:
            if lock.candidate not in candidate_ids or lock.post not in post_ids:
                errors.append(f"lock {lock.candidate}→{lock.post}: unknown candidate or post")
        return errors
