"""Yuanjiao's optimisation engine: pure Python + OR-Tools, no web or database imports."""
