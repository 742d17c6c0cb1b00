"""The server's conflict list, copied into the project file at each sync, to read offline.

A sync writes the whole list (it is short: one row per field two coders edited apart) in the
same local transaction that ends it, so the copy lists exactly what the server listed when this
copy last synchronised (``team_link.synced_at``). Flipping a conflict writes it again. The table
is made the first time a linked file synchronises (files linked in format 5 exist without it),
so no format change is needed; it is not journalled, as a sync is no action to undo.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

TABLE = "team_conflict"
_DDL = (f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "uuid TEXT NOT NULL, field TEXT NOT NULL, kept TEXT, lost TEXT, kept_by TEXT NOT NULL, "
        "lost_by TEXT, flipped INTEGER NOT NULL, at TEXT NOT NULL)")
_COLUMNS = "id, kind, uuid, field, kept, lost, kept_by, lost_by, flipped, at"
_SERVER_LIST = text(
    "SELECT id, kind, uuid::text, field, kept, lost, kept_by, lost_by, flipped, "
    "to_char(at, 'YYYY-MM-DD HH24:MI:SS') FROM conflict ORDER BY id")


@dataclass(frozen=True)
class Conflict:
    """One conflicting edit: the value every copy kept, the one it lost, and who made each."""

    id: int
    kind: str
    uuid: str
    field: str
    kept: Any
    lost: Any
    kept_by: str
    lost_by: str | None
    flipped: bool
    at: str


def fetch(server: Connection) -> list[Conflict]:
    """The server's list, oldest first (every copy lists the same); a sync reads it in its
    server transaction, after its push, and :func:`store` keeps it in its local apply step."""
    return [Conflict(*row) for row in server.execute(_SERVER_LIST).all()]


def store(local: Connection, conflicts: list[Conflict]) -> None:
    """Replace the local copy of the list (inside the caller's transaction)."""
    local.exec_driver_sql(_DDL)
    local.exec_driver_sql(f"DELETE FROM {TABLE}")
    if conflicts:
        local.exec_driver_sql(
            f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.kind, c.uuid, c.field, _encode(c.kept), _encode(c.lost), c.kept_by,
              c.lost_by, int(c.flipped), c.at) for c in conflicts])


def read(local: Connection) -> list[Conflict]:
    """The list as the last sync left it (empty when this file never synchronised)."""
    exists = local.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).first()
    if exists is None:
        return []
    return [Conflict(id_, kind, uuid, field, _decode(kept), _decode(lost), kept_by, lost_by,
                     bool(flipped), at)
            for id_, kind, uuid, field, kept, lost, kept_by, lost_by, flipped, at
            in local.exec_driver_sql(f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY id")]


def _encode(value: Any) -> str | None:
    # JSON null and SQL NULL both mean "no value" (a deletion, or a whole row lost).
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


def _decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)
