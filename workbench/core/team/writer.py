"""Writing payloads from the team server into the local project file, by UUID.

Runs inside the sync's one SQLite transaction. A row whose references are missing here (its
code or document was deleted in this copy) is an orphan: it is skipped, as the deletion that
orphaned it reaches the server too. Names that must be unique locally (codes among siblings,
cases, coders, attributes) may meet an edit of this copy not yet sent: the local row gives way
(a coder or attribute of the same name is the same one; a case or code is renamed "name (2)"),
and that change travels with the next push, so every copy ends equal.

Code moves of this copy that lose against the server's tree (closing a cycle, or under a code
deleted meanwhile) are settled by the sync in memory before its push (see :mod:`code_moves`);
the writer checks the file's tree again before writing codes (a move made during the sync), so
a cycle is never written, and lists what it undid in :attr:`LocalWriter.moved_back`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from workbench.core.model.document_layout import layout_row
from workbench.core.team import code_tree
from workbench.core.team.code_moves import Changes, Move, Referee
from workbench.core.team.rows import (
    COLUMNS,
    KINDS,
    REFERENCES,
    TABLES,
    VALUE_PREFIX,
    Payload,
    read_rows,
)

_NAMED = {"coder", "attribute", "case", "code"}
# Kinds with nothing to settle on insert (no names, no cells): new rows go in by executemany.
_BATCHED = ("coding", "memo")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.000000")


class LocalWriter:
    """Applies server rows to the local file. ``pending(kind, uuid)`` says whether the local
    row carries edits not yet sent (it then gives way on a name clash)."""

    def __init__(self, connection: Connection, pending: Callable[[str, str], bool]) -> None:
        self._connection = connection
        self._pending = pending
        self._ids: dict[str, dict[str, int]] = {}
        # Summaries of this copy displaced by another copy's summary of the same cell.
        self.displaced: list[tuple[str, str, str]] = []  # (uuid, text, winner uuid)
        self.moved_back: list[Move] = []  # this copy's code moves undone (see code_moves)

    # -- lookups ---------------------------------------------------------------------------

    def _run(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        return self._connection.exec_driver_sql(sql, parameters)

    def id_of(self, kind: str, uuid: str) -> int | None:
        if kind not in self._ids:
            self._ids[kind] = dict(self._run(f'SELECT uuid, id FROM "{TABLES[kind]}"').all())
        return self._ids[kind].get(uuid)

    def _forget(self, kind: str) -> None:
        self._ids.pop(kind, None)
        if kind in ("code", "case", "document", "coding"):  # their cascades reach these
            for child in ("document", "coding", "memo", "summary", "code"):
                self._ids.pop(child, None)

    # -- applying --------------------------------------------------------------------------

    def apply(self, changes: list[tuple[str, str, Payload | None]]) -> set[tuple[str, str]]:
        """Apply (kind, uuid, payload or None for a deletion); returns the orphans skipped."""
        orphans: set[tuple[str, str]] = set()
        by_kind: dict[str, list[tuple[str, Payload | None]]] = {kind: [] for kind in KINDS}
        for kind, uuid, payload in changes:
            by_kind[kind].append((uuid, payload))
        if by_kind["code"]:
            by_kind["code"] = self._settle_moves(by_kind["code"])
        for kind in reversed(KINDS):
            for uuid, payload in by_kind[kind]:
                if payload is None:
                    self.delete(kind, uuid)
        for kind in KINDS:
            waiting = [(uuid, payload) for uuid, payload in by_kind[kind] if payload is not None]
            if kind in _BATCHED:
                waiting, skipped = self._insert_new(kind, waiting)
                orphans |= skipped
            while waiting:  # codes: a parent before its children, however they arrived
                later = [(uuid, payload) for uuid, payload in waiting
                         if not self.upsert(kind, uuid, payload)]
                if len(later) == len(waiting):
                    orphans |= {(kind, uuid) for uuid, _ in later}
                    break
                waiting = later
        return orphans

    def _settle_moves(self, codes: Changes) -> Changes:
        """Undo this copy's code moves that lose against the batch: write the moves back of
        codes the batch deletes a parent of now, before the cascade; return the batch with
        the rest in."""
        deletes = any(p is None for _u, p in codes)
        if not deletes and not any(p is not None and "parent" in p for _u, p in codes):
            return codes
        connection = self._connection
        referee = Referee(code_tree.parents(connection),
                          lambda uuid: code_tree.base_value(connection, uuid),
                          lambda uuid: self._pending("code", uuid))
        rescued = referee.rescue(codes) if deletes else {}
        current = read_rows(self._connection, ("code",))["code"] if rescued else {}
        for uuid, place in rescued.items():
            self.upsert("code", uuid, {**current[uuid], **place})
        codes, others = referee.untangle(codes, rescued)
        self.moved_back += referee.moved_back
        if others:  # local moves not in this batch: the whole row, so names make room
            current = read_rows(self._connection, ("code",))["code"]
            codes += [(uuid, {**current[uuid], **place}) for uuid, place in others]
        return codes

    def _insert_new(self, kind: str, rows: list[tuple[str, Payload]]
                    ) -> tuple[list[tuple[str, Payload]], set[tuple[str, str]]]:
        """Insert the rows new here in one executemany; returns the rest, and the orphans."""
        rest, orphans = [], set()
        grouped: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for uuid, payload in rows:
            if self.id_of(kind, uuid) is not None:
                rest.append((uuid, payload))
                continue
            values = self._resolve(kind, payload)
            if values is None:
                orphans.add((kind, uuid))
                continue
            values = {**values, **self._defaults(kind, values), "uuid": uuid}
            grouped.setdefault(tuple(values), []).append(values)
        for columns, batch in grouped.items():
            names = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("?" * len(columns))
            self._connection.exec_driver_sql(
                f'INSERT INTO "{TABLES[kind]}" ({names}) VALUES ({marks})',
                [tuple(values[column] for column in columns) for values in batch])
        if grouped:
            self._ids.pop(kind, None)
        return rest, orphans

    def _resolve(self, kind: str, payload: Payload) -> dict[str, Any] | None:
        """The payload's own columns with references as local ids; None for an orphan."""
        values: dict[str, Any] = {}
        references = REFERENCES.get(kind, {})
        for field, column in COLUMNS[kind].items():
            if field not in payload:
                continue
            value = payload[field]
            if field in references and value is not None:
                value = self.id_of(references[field], value)
                if value is None:
                    return None
            values[column] = value
        return values

    def upsert(self, kind: str, uuid: str, payload: Payload) -> bool:
        """Insert or update one entity; False when it cannot be placed (yet)."""
        values = self._resolve(kind, payload)
        if values is None:
            return False
        table, row_id = TABLES[kind], self.id_of(kind, uuid)
        if kind in _NAMED:
            self._make_room(kind, uuid, values)
            row_id = self.id_of(kind, uuid)
        if kind == "summary":
            self._free_cell(uuid, values)
        if row_id is not None:
            if values:
                assignments = ", ".join(f'"{column}" = ?' for column in values)
                self._run(f'UPDATE "{table}" SET {assignments} WHERE id = ?',
                          (*values.values(), row_id))
        else:
            values = {**values, **self._defaults(kind, values), "uuid": uuid}
            columns = ", ".join(f'"{column}"' for column in values)
            marks = ", ".join("?" * len(values))
            row_id = self._run(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
                               tuple(values.values())).lastrowid
            self._ids.setdefault(kind, {})[uuid] = row_id
            if kind == "document":
                self._store_body(row_id, payload)
        if kind == "case":
            self._set_values(row_id, payload)
        return True

    def _defaults(self, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        now = _now()
        extra: dict[str, Any] = {}
        if kind in ("case", "code", "memo", "summary"):
            extra["modified_at"] = now
            if "created_at" not in values:
                extra["created_at"] = now
        if kind == "coder":
            extra["created_at"] = now
        return extra

    def _store_body(self, document_id: int, payload: Payload) -> None:
        row = layout_row(document_id, payload.get("text", ""))
        self._run("INSERT INTO document_layout (document_id, word_count, words, paragraphs) "
                  "VALUES (?, ?, ?, ?)",
                  (row["document_id"], row["word_count"], row["words"], row["paragraphs"]))
        if turns := payload.get("turns"):
            self._connection.exec_driver_sql(
                "INSERT INTO speaker_turn (uuid, position, speaker, label_start, start, "
                "\"end\", timestamp, milliseconds, document_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*turn, document_id) for turn in turns])
        if headings := payload.get("headings"):
            self._connection.exec_driver_sql(
                "INSERT INTO document_heading (level, start, \"end\", document_id) "
                "VALUES (?, ?, ?, ?)", [(*heading, document_id) for heading in headings])

    def _set_values(self, case_id: int, payload: Payload) -> None:
        wanted: dict[int, str] = {}
        for field, value in payload.items():
            if field.startswith(VALUE_PREFIX):
                attribute = self.id_of("attribute", field.removeprefix(VALUE_PREFIX))
                if attribute is not None:
                    wanted[attribute] = value
        self._run("DELETE FROM case_attribute_value WHERE case_id = ?", (case_id,))
        for attribute, value in wanted.items():
            self._run("INSERT INTO case_attribute_value (case_id, attribute_id, value) "
                      "VALUES (?, ?, ?)", (case_id, attribute, value))

    def _make_room(self, kind: str, uuid: str, values: dict[str, Any]) -> None:
        """A local row of another UUID holding the same name gives way."""
        if "name" not in values:
            return
        table = TABLES[kind]
        sql = f'SELECT id, uuid FROM "{table}" WHERE name = ? COLLATE NOCASE AND uuid != ?'
        parameters: tuple[Any, ...] = (values["name"], uuid)
        if kind == "code":
            sql += " AND coalesce(parent_id, 0) = ?"
            parameters += (values.get("parent_id") or 0,)
        clash = self._run(sql, parameters).first()
        if clash is None:
            return
        row_id, other = clash
        if kind in ("coder", "attribute") and self.id_of(kind, uuid) is None \
                and self._pending(kind, other):
            # The same person or attribute, made in two copies: this copy's row takes the
            # server's UUID.
            self._run(f'UPDATE "{table}" SET uuid = ? WHERE id = ?', (uuid, row_id))
            self._forget(kind)
            return
        number = 2
        while self._run(sql.replace("uuid != ?", "uuid IS NOT NULL"),
                        (f"{values['name']} ({number})", *parameters[2:])).first():
            number += 1
        self._run(f'UPDATE "{table}" SET name = ? WHERE id = ?',
                  (f"{values['name']} ({number})", row_id))

    def _free_cell(self, uuid: str, values: dict[str, Any]) -> None:
        if "case_id" not in values or "code_id" not in values:
            return
        row = self._run("SELECT id, uuid, text FROM matrix_summary WHERE case_id = ? "
                        "AND code_id = ? AND uuid != ?",
                        (values["case_id"], values["code_id"], uuid)).first()
        if row is not None:
            self.displaced.append((row[1], row[2], uuid))
            self._run("DELETE FROM matrix_summary WHERE id = ?", (row[0],))
            self._forget("summary")

    def delete(self, kind: str, uuid: str) -> None:
        row_id = self.id_of(kind, uuid)
        if row_id is None:
            return
        if kind == "coder" and self._run(
                "SELECT 1 FROM coding WHERE coder_id = ? LIMIT 1", (row_id,)).first():
            return  # still named by codings of this copy: kept
        if kind == "case":
            self._run("DELETE FROM document WHERE case_id = ?", (row_id,))
        self._run(f'DELETE FROM "{TABLES[kind]}" WHERE id = ?', (row_id,))
        self._forget(kind)
        self._ids.get(kind, {}).pop(uuid, None)
