"""The CP-SAT skeleton shared by the GAP and the term placements.

One Boolean per usable (agent, job) pair, one-per-job rows and a capacity row per agent. The
placement model adds its own rules on top of the same variables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ortools.sat.python import cp_model

Pair = tuple[int, int]  # (agent, job)


def add_assignment(
    model: cp_model.CpModel,
    pairs: Iterable[Pair],
    num_jobs: int,
    use: Callable[[int, int], int],
    capacities: tuple[int, ...],
    *,
    every_job: bool,
) -> dict[Pair, cp_model.IntVar]:
    """Create the pair Booleans; each job gets exactly one agent (``every_job``) or at most one.

    ``use(agent, job)`` is the capacity the job takes on that agent; pairs are assumed usable
    (the caller filters out those that can never fit).
    """
    x = {(a, j): model.new_bool_var(f"x_{a}_{j}") for a, j in pairs}
    by_job: list[list[cp_model.IntVar]] = [[] for _ in range(num_jobs)]
    by_agent: list[list[tuple[int, cp_model.IntVar]]] = [[] for _ in capacities]
    for (a, j), var in x.items():
        by_job[j].append(var)
        by_agent[a].append((use(a, j), var))
    for options in by_job:
        if every_job:
            model.add_exactly_one(options)
        else:
            model.add_at_most_one(options)
    for a, terms in enumerate(by_agent):
        if sum(w for w, _ in terms) > capacities[a]:
            model.add(sum(w * v for w, v in terms) <= capacities[a])
    return x
