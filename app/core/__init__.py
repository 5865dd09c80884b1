"""Cross-cutting mechanisms, one of each: settings, sessions, auth, errors, CRUD, paging."""
