"""A team project on a PostgreSQL server: publish a project, join it, synchronise offline copies.

The window and the command line use :mod:`workbench.core.team.api` only. See
docs/team-server.md for the model (offline first, rows by UUID, tombstones, conflicts) and the
server's roles and row-level security.
"""
