"""The calling staff member's own profile (and, in a later issue, their assignments)."""
