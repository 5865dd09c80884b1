"""The independent plan checker, where the issue asks for it: see solver.week.check."""

from solver.week.check import Violation, check_plan

__all__ = ["Violation", "check_plan"]
