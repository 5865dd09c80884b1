"""Demo data: pure generators (standard library only, no app imports)."""
