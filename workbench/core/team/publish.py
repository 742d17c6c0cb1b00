"""Making a team project on a server from a local project, and adding coders to it.

Both run with an administrator's address (a role that may create databases and roles); the
password may be in that address, as it is never stored. Publishing streams every entity into
the server with ``COPY`` in one transaction: a half-published project never exists.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from workbench.core.storage import Project
from workbench.core.team import dirty, local_state
from workbench.core.team.rows import KINDS, comparable, document_bodies, dumps, read_rows
from workbench.core.team.server import TeamError, make_engine, server_errors, stored_form
from workbench.core.team.server_schema import SERVER_FORMAT, role_names, schema_statements

if TYPE_CHECKING:  # psycopg loads when a team command runs, not with the window (issue 9)
    import psycopg

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Published:
    url: str
    entities: int
    seq: int


def _raw(connection: Connection) -> psycopg.Connection[Any]:
    """The psycopg connection under SQLAlchemy's: for DDL with quoted names, and for COPY."""
    import psycopg

    raw = connection.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    return raw


def _ensure_database(url: URL) -> None:
    from psycopg import sql

    engine = make_engine(url.set(database="postgres"))
    try:
        with server_errors(url), engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                       {"name": url.database})
            if not exists:
                _raw(connection).execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(str(url.database))))
            for role in role_names(str(url.database)):
                if not connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"),
                                         {"name": role}):
                    _raw(connection).execute(
                        sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    finally:
        engine.dispose()


def _install(connection: Connection, database: str, project_uuid: str, name: str) -> None:
    from psycopg import sql

    raw = _raw(connection)
    if connection.scalar(text("SELECT to_regclass('public.entity') IS NOT NULL")):
        raise TeamError(f"the database {database} already holds a team project; "
                        "join it instead (workbench team join)")
    for statement in schema_statements(database):
        raw.execute(statement)
    raw.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        sql.Identifier(database), sql.Identifier(role_names(database)[1])))
    connection.execute(text("INSERT INTO team_info (key, value) VALUES (:k, :v)"), [
        {"k": "format", "v": str(SERVER_FORMAT)}, {"k": "project", "v": project_uuid},
        {"k": "name", "v": name}, {"k": "lead", "v": role_names(database)[0]}])


def publish(project: Project, url: URL, progress: Progress | None = None) -> Published:
    """Make the database named by ``url`` a team project holding everything ``project`` has,
    and link the project to it (as the administrator's copy)."""
    report = progress or (lambda _stage, _done, _total: None)
    _ensure_database(url)
    engine = make_engine(url)
    try:
        with project.transaction("Publish to a team server") as session:
            local = session.connection()
            info = local.exec_driver_sql("SELECT uuid, name FROM project LIMIT 1").one()
            rows = read_rows(local)
            total = sum(len(found) for found in rows.values())
            with server_errors(url), engine.begin() as server:
                _install(server, str(url.database), info[0], info[1])
                raw = _raw(server)
                user = str(server.scalar(text("SELECT current_user")))
                # A fresh table, ours alone until commit: the per-row triggers are switched off
                # while it fills (the sequence numbers and the owner given here, the log
                # written in one statement after), then on again before anyone sees it.
                raw.execute("ALTER TABLE entity DISABLE TRIGGER USER")
                done = 0
                with raw.cursor() as cursor, cursor.copy(
                        "COPY entity (uuid, kind, owner, seq, payload) FROM STDIN") as copy:
                    for kind in KINDS:
                        bodies = (document_bodies(local, list(rows[kind]))
                                  if kind == "document" else {})
                        for uuid, payload in rows[kind].items():
                            done += 1
                            copy.write_row((uuid, kind, user, done,
                                            dumps({**payload, **bodies.get(uuid, {})})))
                            if done % 5000 == 0:
                                report("publish", done, total)
                if done:
                    raw.execute("SELECT setval('change_seq', %s)", (done,))
                raw.execute(
                    "INSERT INTO change (seq, kind, uuid, op, payload, coder, clock) "
                    "SELECT seq, kind, uuid, 'insert', CASE WHEN kind = 'document' "
                    "THEN payload - 'text' ELSE payload END, session_user, 'publish' FROM entity")
                raw.execute("ALTER TABLE entity ENABLE TRIGGER USER")
                seq = server.scalar(text("SELECT coalesce(max(seq), 0) FROM entity")) or 0
            local_state.write_link(local, stored_form(url), user)
            local_state.write_base(local, {
                (kind, uuid): (user, comparable(kind, payload))
                for kind in KINDS for uuid, payload in rows[kind].items()})
            local_state.advance(local, seq, "")
            dirty.install(local)
            dirty.clear(local, dirty.marked(local))
            local.exec_driver_sql("DELETE FROM undo_statement WHERE step_id IS NULL")
    finally:
        engine.dispose()
    report("publish", total, total)
    return Published(stored_form(url), total, seq)


def add_coder(url: URL, name: str, *, lead: bool = False) -> str:
    """Create a login role for ``name`` in the team project's groups; returns its one-time
    password (shown once, stored nowhere)."""
    from psycopg import sql

    database = str(url.database)
    lead_role, coder_role = role_names(database)
    password = secrets.token_urlsafe(18)
    engine = make_engine(url)
    try:
        with server_errors(url), engine.begin() as connection:
            if not connection.scalar(text("SELECT to_regclass('public.entity') IS NOT NULL")):
                raise TeamError(f"the database {database} holds no team project; publish one first")
            raw = _raw(connection)
            exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"),
                                       {"name": name})
            verb = "ALTER" if exists else "CREATE"
            raw.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(password)))
            for group in ([coder_role, lead_role] if lead else [coder_role]):
                raw.execute(sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(group), sql.Identifier(name)))
    finally:
        engine.dispose()
    return password
