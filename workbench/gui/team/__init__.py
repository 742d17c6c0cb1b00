"""The window's side of a team project on a PostgreSQL server (issue 13)."""
