"""The rows touched since the last sync, marked by SQLite triggers, so a sync and the "changes to
send" count read only those rows (and their sync base) instead of the whole project.

``sync_dirty`` holds (kind, uuid) of every entity whose row, or a row belonging to it (a case's
attribute values, a document's speaker turns, layout and headings), was inserted, updated or
deleted, and of every entity whose payload names an entity whose UUID changed. A mark is a hint,
never a verdict: a marked row equal to its base again (an undo) is no change. A sync clears the
marks of the rows it settled, and of the rows it wrote itself, once they equal their new base.

The table and its triggers are not part of the project format: a linked file gets them when
it is published, or on its first sync (which then compares every row once, as before they
existed). A file whose triggers went missing (a table rebuilt) is treated the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from workbench.core.team.rows import COLUMNS, KINDS, REFERENCES, TABLES

Key = tuple[str, str]
_TABLE = """CREATE TABLE IF NOT EXISTS sync_dirty (
    kind TEXT NOT NULL,
    uuid TEXT NOT NULL,
    PRIMARY KEY (kind, uuid)) WITHOUT ROWID"""
_MARK = "INSERT OR IGNORE INTO sync_dirty (kind, uuid)"
# Rows that belong to an entity: (child table, the entity's kind, the column naming its id).
_CHILDREN = (("case_attribute_value", "case", "case_id"),
             ("speaker_turn", "document", "document_id"),
             ("document_layout", "document", "document_id"),
             ("document_heading", "document", "document_id"))


def _trigger(name: str, when: str, table: str, body: str, condition: str = "") -> str:
    return (f'CREATE TRIGGER IF NOT EXISTS "team_dirty_{name}" {when} ON "{table}" '
            f"{condition} BEGIN {body} END")


def _statements() -> list[str]:
    statements = [_TABLE]
    for kind in KINDS:
        table = TABLES[kind]
        statements += [
            _trigger(f"{table}_insert", "AFTER INSERT", table,
                     f"{_MARK} SELECT '{kind}', new.uuid WHERE new.uuid IS NOT NULL;"),
            _trigger(f"{table}_update", "AFTER UPDATE", table,
                     f"{_MARK} SELECT '{kind}', old.uuid WHERE old.uuid IS NOT NULL; "
                     f"{_MARK} SELECT '{kind}', new.uuid WHERE new.uuid IS NOT NULL;"),
            _trigger(f"{table}_delete", "AFTER DELETE", table,
                     f"{_MARK} SELECT '{kind}', old.uuid WHERE old.uuid IS NOT NULL;")]
        # An entity's UUID changing (a coder made in two copies takes the server's) changes
        # the payload of every row naming it.
        naming = [(other, field) for other, fields in REFERENCES.items()
                  for field, target in fields.items() if target == kind]
        body = "".join(
            f"{_MARK} SELECT '{other}', uuid FROM \"{TABLES[other]}\" "
            f"WHERE \"{COLUMNS[other][field]}\" = new.id; " for other, field in naming)
        if kind == "attribute":
            body += (f"{_MARK} SELECT 'case', c.uuid FROM case_attribute_value AS v "
                     "JOIN case_ AS c ON c.id = v.case_id WHERE v.attribute_id = new.id; ")
        if body:
            statements.append(_trigger(f"{table}_renamed", "AFTER UPDATE OF uuid", table, body,
                                       "FOR EACH ROW WHEN old.uuid IS NOT new.uuid"))
    for child, kind, column in _CHILDREN:
        parent = TABLES[kind]

        def owner(row: str, parent: str = parent, column: str = column, kind: str = kind) -> str:
            return f"{_MARK} SELECT '{kind}', uuid FROM \"{parent}\" WHERE id = {row}.{column};"

        statements += [
            _trigger(f"{child}_insert", "AFTER INSERT", child, owner("new")),
            _trigger(f"{child}_update", "AFTER UPDATE", child, owner("old") + owner("new")),
            _trigger(f"{child}_delete", "AFTER DELETE", child, owner("old"))]
    return statements


STATEMENTS = _statements()
_TRIGGERS = len(STATEMENTS) - 1


def installed(connection: Connection) -> bool:
    """Whether the table and every trigger are there (a rebuilt table loses its triggers)."""
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'team\\_dirty\\_%' ESCAPE '\\'").scalar()
    table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_dirty'").first()
    return table is not None and found == _TRIGGERS


def install(connection: Connection) -> None:
    for statement in STATEMENTS:
        connection.exec_driver_sql(statement)


def marked(connection: Connection) -> set[Key]:
    return {(kind, uuid) for kind, uuid in
            connection.exec_driver_sql("SELECT kind, uuid FROM sync_dirty")}


def clear(connection: Connection, keys: Iterable[Key]) -> None:
    if rows := list(keys):
        connection.exec_driver_sql("DELETE FROM sync_dirty WHERE kind = ? AND uuid = ?", rows)


def mark(connection: Connection, keys: Iterable[Key]) -> None:
    if rows := list(keys):
        connection.exec_driver_sql(f"{_MARK} VALUES (?, ?)", rows)
