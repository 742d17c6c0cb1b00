"""Read-side queries: they take a session, never commit, and return plain rows."""
