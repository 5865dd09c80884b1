"""API tokens: a random secret shown once, stored as its SHA-256 hash."""
