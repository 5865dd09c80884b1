"""Needs: what a school asks for each week (activity, sessions, minutes, days, priority)."""
