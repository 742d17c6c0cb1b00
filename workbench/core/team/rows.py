"""A project's entities as the team server sees them: one payload per UUID, references by UUID.

Locally, rows point at each other by integer id; on the wire and on the server every reference
is the referenced entity's UUID, so a row means the same in every copy. ``read_rows`` gives the
comparable payload of every entity (a document's text, speaker turns and headings, which never
change after import, are left out: :func:`document_bodies` adds them when a document travels).
Case attribute values travel inside their case, one field ``value:<attribute uuid>`` each, so
two edits of different attributes of one case never conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

Payload = dict[str, Any]
# In the order an insert must follow (a row after the rows it points at); deletes go backwards.
KINDS = ("coder", "attribute", "case", "code", "document", "coding", "memo", "summary")
# Owned by their coder: only they (or a lead) change them; they never conflict.
OWNED_KINDS = frozenset({"coding", "memo", "summary"})
BODY_FIELDS = ("text", "turns", "headings")
VALUE_PREFIX = "value:"

# Each reference field: the kind it names.
REFERENCES: dict[str, dict[str, str]] = {
    "code": {"parent": "code"},
    "document": {"case": "case"},
    "coding": {"document": "document", "code": "code", "coder": "coder"},
    "memo": {"author": "coder", "case": "case", "document": "document", "code": "code",
             "coding": "coding"},
    "summary": {"case": "case", "code": "code", "author": "coder"},
}
# Kind -> (local table, the payload fields stored in its own columns, column of each field).
TABLES = {"coder": "coder", "attribute": "attribute", "case": "case_", "code": "code",
          "document": "document", "coding": "coding", "memo": "memo", "summary": "matrix_summary"}
COLUMNS: dict[str, dict[str, str]] = {
    "coder": {"name": "name", "colour": "colour"},
    "attribute": {"name": "name", "type": "type", "choices_json": "choices_json",
                  "description": "description", "position": "position"},
    "case": {"name": "name", "description": "description", "position": "position"},
    "code": {"parent": "parent_id", "name": "name", "colour": "colour", "definition": "definition",
             "when_to_use": "when_to_use", "when_not_to_use": "when_not_to_use",
             "example": "example", "position": "position", "codable": "codable"},
    "document": {"case": "case_id", "kind": "kind", "title": "title", "text": "text",
                 "source_name": "source_name", "encoding": "encoding",
                 "content_hash": "content_hash", "word_count": "word_count",
                 "imported_at": "imported_at", "recorded_on": "recorded_on",
                 "interviewer": "interviewer", "participants_json": "participants_json",
                 "position": "position"},
    "coding": {"document": "document_id", "code": "code_id", "coder": "coder_id",
               "start": "start", "end": "end", "memo": "memo", "created_at": "created_at",
               "rule": "rule"},
    "memo": {"title": "title", "text": "text", "author": "author_id", "case": "case_id",
             "document": "document_id", "code": "code_id", "coding": "coding_id",
             "created_at": "created_at"},
    "summary": {"case": "case_id", "code": "code_id", "text": "text", "author": "author_id"},
}


def read_rows(connection: Connection,
              kinds: tuple[str, ...] = KINDS) -> dict[str, dict[str, Payload]]:
    """Every entity's comparable payload, by kind and UUID.

    References are read as ids and named by UUID through one id-to-UUID map per table: a join
    per row would make SQLite walk past each document's long text to reach its UUID.
    """
    needed = {target for kind in kinds for target in REFERENCES.get(kind, {}).values()}
    uuids: dict[str, dict[int, str]] = {
        kind: dict(connection.exec_driver_sql(f'SELECT id, uuid FROM "{TABLES[kind]}"').all())
        for kind in needed}
    rows: dict[str, dict[str, Payload]] = {}
    for kind in kinds:
        fields = [field for field in COLUMNS[kind] if not (kind == "document" and field == "text")]
        columns = ", ".join(f'"{COLUMNS[kind][field]}"' for field in fields)
        references = [(field, uuids[target]) for field, target in REFERENCES.get(kind, {}).items()]
        found: dict[str, Payload] = {}
        for row in connection.exec_driver_sql(f'SELECT uuid, {columns} FROM "{TABLES[kind]}"'):
            payload = dict(zip(fields, row[1:], strict=True))
            for field, names in references:
                if payload[field] is not None:
                    payload[field] = names.get(payload[field])
            found[row[0]] = payload
        rows[kind] = found
    if "case" in kinds:
        cases: dict[int, str] = dict(
            connection.exec_driver_sql("SELECT id, uuid FROM case_").all())
        attributes: dict[int, str] = dict(
            connection.exec_driver_sql("SELECT id, uuid FROM attribute").all())
        for case, attribute, value in connection.exec_driver_sql(
                "SELECT case_id, attribute_id, value FROM case_attribute_value"):
            rows["case"][cases[case]][VALUE_PREFIX + attributes[attribute]] = value
    return rows


# Past this many rows of one kind (a join), reading the whole table beats asking for each.
_FEW = 20_000


def read_keys(connection: Connection,
              keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Payload]:
    """The comparable payload of each named entity that exists here (absent ones are left out):
    what :func:`read_rows` gives, for a few rows only."""
    wanted: dict[str, list[str]] = {}
    for kind, uuid in keys:
        wanted.setdefault(kind, []).append(uuid)
    found: dict[tuple[str, str], Payload] = {}
    for kind, uuids in wanted.items():
        if len(uuids) > _FEW:
            every = read_rows(connection, (kind,))[kind]
            found.update({(kind, uuid): every[uuid] for uuid in uuids if uuid in every})
            continue
        for start in range(0, len(uuids), 500):
            found.update({(kind, uuid): payload for uuid, payload in
                          _some(connection, kind, uuids[start:start + 500]).items()})
    return found


def _some(connection: Connection, kind: str, uuids: list[str]) -> dict[str, Payload]:
    fields = [field for field in COLUMNS[kind] if not (kind == "document" and field == "text")]
    columns = ", ".join(f'"{COLUMNS[kind][field]}"' for field in fields)
    marks = ", ".join("?" * len(uuids))
    rows = connection.exec_driver_sql(
        f'SELECT id, uuid, {columns} FROM "{TABLES[kind]}" WHERE uuid IN ({marks})',
        tuple(uuids)).all()
    references = REFERENCES.get(kind, {})
    ids: dict[str, set[int]] = {}
    for row in rows:
        for field, value in zip(fields, row[2:], strict=True):
            if field in references and value is not None:
                ids.setdefault(references[field], set()).add(value)
    names = {target: _uuids_of(connection, TABLES[target], sorted(found))
             for target, found in ids.items()}
    result: dict[str, Payload] = {}
    by_id: dict[int, str] = {}
    for row in rows:
        payload = dict(zip(fields, row[2:], strict=True))
        for field, target in references.items():
            if payload[field] is not None:
                payload[field] = names[target].get(payload[field])
        result[row[1]] = payload
        by_id[row[0]] = row[1]
    if kind == "case" and by_id:
        values = connection.exec_driver_sql(
            "SELECT v.case_id, a.uuid, v.value FROM case_attribute_value AS v JOIN attribute AS a "
            f"ON a.id = v.attribute_id WHERE v.case_id IN ({', '.join('?' * len(by_id))})",
            tuple(by_id)).all()
        for case, attribute, value in values:
            result[by_id[case]][VALUE_PREFIX + attribute] = value
    return result


def _uuids_of(connection: Connection, table: str, ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(connection.exec_driver_sql(
            f'SELECT id, uuid FROM "{table}" WHERE id IN ({", ".join("?" * len(chunk))})',
            tuple(chunk)).all())
    return found


def document_bodies(connection: Connection, uuids: list[str]) -> dict[str, Payload]:
    """The never-changing part of each named document: its text, speaker turns and headings."""
    bodies: dict[str, Payload] = {}
    for start in range(0, len(uuids), 500):
        chunk = uuids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for document_id, uuid, text in connection.exec_driver_sql(
                f"SELECT id, uuid, text FROM document WHERE uuid IN ({marks})", tuple(chunk)).all():
            turns = [list(row) for row in connection.exec_driver_sql(
                "SELECT uuid, position, speaker, label_start, start, \"end\", timestamp, "
                "milliseconds FROM speaker_turn WHERE document_id = ? ORDER BY position",
                (document_id,))]
            headings = [list(row) for row in connection.exec_driver_sql(
                "SELECT level, start, \"end\" FROM document_heading WHERE document_id = ? "
                "ORDER BY start", (document_id,))]
            bodies[uuid] = {"text": text, "turns": turns, "headings": headings}
    return bodies


def comparable(kind: str, payload: Payload) -> Payload:
    """The payload without a document's body (what the sync base keeps and compares)."""
    if kind != "document":
        return payload
    return {key: value for key, value in payload.items() if key not in BODY_FIELDS}


def dumps(payload: Payload) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
