"""Psychology cases: pseudonymous codes only, never a child's name or ID number."""
