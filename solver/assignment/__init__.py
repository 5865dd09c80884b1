"""The assignment core: the Generalised Assignment Problem and the CP-SAT skeleton it shares
with the term placements.

    problem = read_orlib("c0515_1", maximize=True)
    result = solve_gap(problem, SearchLimits(seconds=5, seed=0))
"""

from solver.assignment.orlib import parse_orlib, read_orlib
from solver.assignment.problem import GapProblem
from solver.assignment.result import GapResult, SearchLimits
from solver.assignment.solve import solve_gap

__all__ = ["GapProblem", "GapResult", "SearchLimits", "parse_orlib", "read_orlib", "solve_gap"]
