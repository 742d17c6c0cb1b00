"""The team link and the sync base, kept in the project file (format 5).

``team_link`` names the server (address without a password) and the user, and how far this copy
has pulled. ``sync_base`` holds, per entity, its owner on the server and its value there at the
last sync (None: a tombstone): a local row that differs from it is a local edit to send.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from workbench.core.team.rows import Payload, dumps


@dataclass(frozen=True)
class TeamLink:
    url: str
    user: str
    pulled_seq: int
    synced_at: str | None


Base = dict[tuple[str, str], tuple[str, Payload | None]]


def read_link(connection: Connection) -> TeamLink | None:
    row = connection.exec_driver_sql(
        "SELECT url, user, pulled_seq, synced_at FROM team_link WHERE id = 1").first()
    return None if row is None else TeamLink(*row)


def write_link(connection: Connection, url: str, user: str) -> None:
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO team_link (id, url, user, pulled_seq) VALUES (1, ?, ?, 0)",
        (url, user))
    connection.exec_driver_sql("DELETE FROM sync_base")


def advance(connection: Connection, pulled_seq: int, at: str) -> None:
    connection.exec_driver_sql("UPDATE team_link SET pulled_seq = ?, synced_at = ? WHERE id = 1",
                               (pulled_seq, at))


def read_base(connection: Connection) -> Base:
    return {(kind, uuid): (owner, None if payload is None else json.loads(payload))
            for kind, uuid, owner, payload in connection.exec_driver_sql(
                "SELECT kind, uuid, owner, payload FROM sync_base")}


def read_base_keys(connection: Connection, keys: Iterable[tuple[str, str]]) -> Base:
    """The base entries of the named entities (those that have one)."""
    wanted: dict[str, list[str]] = {}
    for kind, uuid in keys:
        wanted.setdefault(kind, []).append(uuid)
    if sum(len(uuids) for uuids in wanted.values()) > 50_000:  # a join: all of it anyway
        every = read_base(connection)
        return {(kind, uuid): every[(kind, uuid)] for kind, uuids in wanted.items()
                for uuid in uuids if (kind, uuid) in every}
    found: Base = {}
    for kind, uuids in wanted.items():
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            found.update({(kind, uuid): (owner, None if payload is None else json.loads(payload))
                          for uuid, owner, payload in connection.exec_driver_sql(
                              "SELECT uuid, owner, payload FROM sync_base WHERE kind = ? AND "
                              f"uuid IN ({', '.join('?' * len(chunk))})", (kind, *chunk))})
    return found


def live_keys(connection: Connection) -> set[tuple[str, str]]:
    """The entities the server held at the last sync (not tombstones), without their values."""
    return {(kind, uuid) for kind, uuid in connection.exec_driver_sql(
        "SELECT kind, uuid FROM sync_base WHERE payload IS NOT NULL")}


def write_base(connection: Connection, rows: Base) -> None:
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_base (kind, uuid, owner, payload) VALUES (?, ?, ?, ?)",
        [(kind, uuid, owner, None if payload is None else dumps(payload))
         for (kind, uuid), (owner, payload) in rows.items()])


def forget_base(connection: Connection, keys: list[tuple[str, str]]) -> None:
    if keys:
        connection.exec_driver_sql("DELETE FROM sync_base WHERE kind = ? AND uuid = ?", keys)
