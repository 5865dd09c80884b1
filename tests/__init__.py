"""The service's tests (the solver's own live in tests/solver/)."""
