"""Why a session was not placed, in the coordinator's words.

Checked in order, the first that applies wins:
- ``no_skill``: nobody with the skill (for a case: its teacher) exists;
- ``not_paired``: under hard pairing, no squad paired with the school's township has it;
- ``closed``: the school is closed on every (other) day a qualified staff member works;
- ``out_of_reach``: no staff-day can go base → school → base with the session inside the
  school's hours and its own day, lunch and limits (or fewer such days than sessions);
- ``outranked``: staff-days could have done it, and spent their day on other visits — the
  competitors are named with what they did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from solver.week.demand import Demand, may_serve
from solver.week.index import WeekIndex
from solver.week.instance import PairingMode
from solver.week.plan import StaffDay, Unplaced

REASONS = ("no_skill", "not_paired", "closed", "out_of_reach", "outranked")
MAX_COMPETITORS = 5


def explain_unplaced(index: WeekIndex, routes: Sequence[StaffDay]) -> tuple[Unplaced, ...]:
    placed_days: dict[str, set[int]] = defaultdict(set)
    for route in routes:
        for visit in route.visits:
            for session in visit.sessions:
                placed_days[session.demand].add(route.day)
    by_key = {(r.staff, r.day): r for r in routes}
    out = []
    for demand in index.demands:
        missing = demand.sessions - len(placed_days[demand.id])
        if missing > 0:
            reason, detail, competitors = _reason(index, demand, placed_days[demand.id], by_key)
            out.append(Unplaced(demand.id, demand.school, missing, reason, detail, competitors))
    return tuple(out)


def _reason(
    index: WeekIndex,
    demand: Demand,
    placed: set[int],
    routes: Mapping[tuple[str, int], StaffDay],
) -> tuple[str, str, tuple[str, ...]]:
    week, school = index.week, index.schools[demand.school]
    who = "its teacher " + str(demand.teacher) if demand.is_case else f"skill {demand.skill}"
    qualified = [s for s in week.staff if may_serve(s, demand, school, PairingMode.SOFT)]
    if not qualified:
        return "no_skill", f"no staff member has {who}", ()
    allowed = [s for s in qualified if may_serve(s, demand, school, week.pairing)]
    if not allowed:
        return "not_paired", f"no squad paired with township {school.township} has {who}", ()
    working = {d for s in allowed for d in range(len(week.days)) if s.window(d) is not None}
    open_days = working - school.closed_days
    if len(open_days) <= len(placed):
        return "closed", f"the school is closed on the other days {who} works", ()
    reach_days = {d for d in open_days if index.candidates(demand, d)}
    if len(reach_days) <= len(placed):
        return (
            "out_of_reach",
            f"only {len(reach_days)} day(s) let a staff member with {who} reach the school "
            "and return within the school's hours and their own day",
            (),
        )
    competitors = []
    for day in sorted(reach_days - placed):
        for s in index.candidates(demand, day):
            route = routes.get((s.id, day))
            did = "nothing" if route is None else _summary(route)
            competitors.append(f"{s.id} on {week.days[day].label}: {did}")
    detail = f"{len(competitors)} staff-day(s) could have come; they spent the day on others"
    return "outranked", detail, tuple(competitors[:MAX_COMPETITORS])


def _summary(route: StaffDay) -> str:
    sessions = sum(len(v.sessions) for v in route.visits)
    schools = ", ".join(v.school for v in route.visits)
    return f"{sessions} session(s) at {schools}, {route.travel_minutes} min driving"
