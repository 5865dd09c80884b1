"""The weekly visiting solver: a county's week in, a checked plan with reasons out.

Data flow: ``instance`` (a frozen Week) → ``index`` (look-ups, who can reach what) →
``model`` (RoutingProblem per day or for the week) → ``solver.routing`` → ``timing`` (lunch)
→ ``report`` (visit blocks, KPIs, ``bound``, ``explain``) → ``plan``. ``check`` re-verifies a
plan from the instance alone.
"""

from solver.week.check import Violation, check_plan
from solver.week.instance import Week
from solver.week.plan import Plan
from solver.week.solve import solve_week
from solver.week.weights import Weights

__all__ = ["Plan", "Violation", "Week", "Weights", "check_plan", "solve_week"]
