"""What the change journal (the undo log) tells a sync about deletions it takes back.

A deletion the server refuses (a coder deleting a document of someone else's) is taken back:
the document comes back from the server. What went with it by the same action comes back too:
rows the server has (their tombstones are not sent), and this copy's own rows the server never
saw (codings made on that document and not yet sent), rebuilt from the inverse statements the
journal keeps for them, all read without writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from workbench.core.team.rows import COLUMNS, REFERENCES, TABLES, Payload

_KIND_OF = {table: kind for kind, table in TABLES.items()}
# Rows a coder owns, rebuilt when never sent (the rest the server has, or they are not theirs).
_OWN = ("coding", "memo", "summary")


@dataclass(frozen=True)
class Gone:
    kind: str | None  # None: a table that does not travel on its own
    uuid: str
    row_id: int
    sql: str  # the statement that puts the row back as it was


def went_with(connection: Connection, uuids: set[str]) -> dict[str, Gone]:
    """The rows the journal shows deleted by the same actions as these, by UUID."""
    if not uuids:
        return {}
    marks = ", ".join("?" * len(uuids))
    return {uuid: Gone(_KIND_OF.get(table), uuid, row_id, sql)
            for table, uuid, row_id, sql in connection.exec_driver_sql(
                "SELECT tbl, row_uuid, row_id, sql FROM undo_statement WHERE op = 'delete' "
                "AND row_uuid IS NOT NULL AND step_id IN (SELECT step_id FROM undo_statement "
                f"WHERE op = 'delete' AND step_id IS NOT NULL AND row_uuid IN ({marks})) "
                "ORDER BY id", tuple(uuids))}


def rebuilt(connection: Connection, gone: dict[str, Gone]) -> dict[tuple[str, str], Payload]:
    """The payloads of the deleted rows a coder owns, as they were before the deletion."""
    old_ids = {(row.kind, row.row_id): row.uuid for row in gone.values() if row.kind}
    found: dict[tuple[str, str], Payload] = {}
    for row in gone.values():
        if row.kind not in _OWN:
            continue
        columns, _, values = row.sql.partition(") VALUES (")
        names = [name.strip().strip('"') for name in columns.split("(", 1)[1].split(",")]
        stored = dict(zip(names, connection.exec_driver_sql(f"SELECT {values[:-1]}").one(),
                          strict=True))
        payload: Payload = {}
        for field, column in COLUMNS[row.kind].items():
            value = stored.get(column)
            target = REFERENCES.get(row.kind, {}).get(field)
            if target is not None and value is not None:
                value = old_ids.get((target, value)) or connection.exec_driver_sql(
                    f'SELECT uuid FROM "{TABLES[target]}" WHERE id = ?', (value,)).scalar()
                if value is None:
                    break  # it pointed at a row gone for good: not rebuilt
            payload[field] = value
        else:
            found[(row.kind, row.uuid)] = payload
    return found
