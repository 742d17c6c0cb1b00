"""One synchronisation: pull everyone else's changes, merge, push this copy's, in one go.

The whole sync is one PostgreSQL transaction holding an advisory lock (so sequence order is
commit order, and nobody pushes between our pull and our push) inside one SQLite transaction
(so the local file takes the pulled rows, the new sync base and the cursor together, or none of
them). Killed anywhere, both roll back, or the server's commit went through and the local one
did not: then the next sync pulls our own rows back, finds them equal, and pushes nothing twice.

Local edits are found by comparing each entity with the sync base, the value the server had at
the last sync, so undo, merges and imports all travel without a journal of their own. A field
edited here and on the server since the base keeps this copy's value (it is pushed after, so it
is the later one everywhere) and the other value is kept in the server's conflict list. An edit
the server would refuse (a coder changing a code, or someone else's coding) is taken back here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from workbench.core.team import local_state
from workbench.core.team.local_state import Base
from workbench.core.team.rows import (
    KINDS,
    REFERENCES,
    VALUE_PREFIX,
    Payload,
    comparable,
    document_bodies,
    dumps,
    read_rows,
)
from workbench.core.team.server import TeamError
from workbench.core.team.server_schema import ADVISORY_KEY, SERVER_FORMAT
from workbench.core.team.writer import LocalWriter

Progress = Callable[[str, int, int], None]
_PULL = text("SELECT e.kind, e.uuid::text, e.owner, e.payload, e.deleted, c.coder "
             "FROM entity AS e LEFT JOIN change AS c ON c.seq = e.seq "
             "WHERE e.seq > :seq ORDER BY e.seq")
_UPSERT = text(
    "INSERT INTO entity (uuid, kind, payload) VALUES (CAST(:uuid AS uuid), :kind, "
    "CAST(:payload AS jsonb)) ON CONFLICT (uuid) DO UPDATE SET payload = CASE "
    "WHEN entity.kind = 'document' THEN entity.payload || EXCLUDED.payload "
    "ELSE EXCLUDED.payload END WHERE entity.payload IS DISTINCT FROM (CASE "
    "WHEN entity.kind = 'document' THEN entity.payload || EXCLUDED.payload "
    "ELSE EXCLUDED.payload END)")
_TOMBSTONE = text("UPDATE entity SET deleted = true WHERE uuid = CAST(:uuid AS uuid)")
_CONFLICT = text("INSERT INTO conflict (kind, uuid, field, kept, lost, lost_by) VALUES "
                 "(:kind, CAST(:uuid AS uuid), :field, CAST(:kept AS jsonb), "
                 "CAST(:lost AS jsonb), :lost_by)")


@dataclass
class SyncReport:
    """What one sync did."""

    pulled: int = 0  # rows others changed, applied here
    pushed: int = 0  # rows this copy changed, sent
    conflicts: int = 0  # conflicting edits listed on the server by this sync
    refused: int = 0  # local edits the server would refuse, taken back here
    seq: int = 0  # the server sequence this copy has now pulled up to
    details: list[str] = field(default_factory=list)


@dataclass
class _Conflict:
    kind: str
    uuid: str
    field: str
    kept: Any
    lost: Any
    lost_by: str | None


def _pause(point: str) -> None:
    """A fault-injection point for the tests: with WORKBENCH_TEAM_PAUSE=point the sync says
    so on stdout and waits for a line on stdin (the test kills it, or stops the server)."""
    if os.environ.get("WORKBENCH_TEAM_PAUSE") == point:
        print(f"paused at {point}", flush=True)
        sys.stdin.readline()


class Synchroniser:
    def __init__(self, local: Connection, server: Connection, user: str,
                 progress: Progress | None = None) -> None:
        self.local, self.server, self.user = local, server, user
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.report = SyncReport()
        self.conflicts: list[_Conflict] = []
        self.lead = False
        self._current: dict[str, dict[str, Payload]] | None = None

    def _rows(self) -> dict[str, dict[str, Payload]]:
        """The local rows, read again only after this sync wrote some."""
        if self._current is None:
            self._current = read_rows(self.local)
        return self._current

    def may_change(self, kind: str, owner: str) -> bool:
        return self.lead or (owner == self.user and kind != "code")

    # -- the whole sync --------------------------------------------------------------------

    def run(self, pulled_seq: int) -> SyncReport:
        server = self.server
        found = server.scalar(text("SELECT value FROM team_info WHERE key = 'format'"))
        if found != str(SERVER_FORMAT):
            raise TeamError(f"the team server's project is of format {found}; this version of "
                            f"Coding Workbench synchronises format {SERVER_FORMAT}: update it")
        server.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_KEY})
        server.execute(text("SELECT set_config('workbench.clock', :clock, true)"),
                       {"clock": datetime.now(UTC).isoformat(timespec="milliseconds")})
        self.lead = bool(server.scalar(text(
            "SELECT pg_has_role(current_user, (SELECT value FROM team_info WHERE key = 'lead'), "
            "'MEMBER') OR current_user = (SELECT tableowner FROM pg_tables "
            "WHERE schemaname = 'public' AND tablename = 'entity')")))
        base = local_state.read_base(self.local)
        # Edits the server would refuse are taken back first: what others did to the rows they
        # point at (a memo on a document this copy may not delete) then finds them in place.
        self._settle(base)
        self.progress("pull", 0, 1)
        remote = server.execute(_PULL, {"seq": pulled_seq}).all()
        _pause("pulled")
        self._merge_pulled(remote, base)
        self.progress("pull", 1, 1)
        upserts, tombstones = self._settle(base)
        self._send(upserts, tombstones, base)
        self.report.seq = server.scalar(text("SELECT coalesce(max(seq), 0) FROM entity")) or 0
        local_state.advance(self.local, self.report.seq,
                            datetime.now(UTC).isoformat(timespec="seconds"))
        return self.report

    # -- pull ------------------------------------------------------------------------------

    def _merge_pulled(self, remote: Sequence[Any], base: Base) -> None:
        current = self._rows()
        changes: list[tuple[str, str, Payload | None]] = []
        new_base: Base = {}
        for kind, uuid, owner, payload, deleted, changer in remote:
            old = base.get((kind, uuid))
            before = None if old is None else old[1]
            mine = current[kind].get(uuid)
            new_base[(kind, uuid)] = (owner, None if deleted else comparable(kind, payload))
            if deleted:
                if mine is not None:
                    changes.append((kind, uuid, None))
                    if before is not None and mine != before:
                        self._conflict(kind, uuid, "deleted", None, mine, None)
                continue
            if mine is None:
                locally_deleted = old is not None and before is not None
                if not locally_deleted or not self.may_change(kind, owner):
                    changes.append((kind, uuid, payload))
                elif comparable(kind, payload) != before:  # deleted here, edited there
                    self._conflict(kind, uuid, "deleted", None, comparable(kind, payload),
                                   changer)
                continue
            theirs = comparable(kind, payload)
            if not self.may_change(kind, owner) or before is None:
                target = theirs
            else:
                target = self._merge_fields(kind, uuid, before, mine, theirs, changer or owner)
            if target != mine:
                changes.append((kind, uuid, target))
        pending = {(kind, uuid) for kind in KINDS for uuid, payload in current[kind].items()
                   if (kind, uuid) not in base or base[(kind, uuid)][1] != payload}
        writer = LocalWriter(self.local, lambda kind, uuid: (kind, uuid) in pending)
        orphans = writer.apply(changes)
        if changes:
            self._current = None
        for key in orphans:
            new_base.pop(key, None)
        for uuid, lost, winner in writer.displaced:
            self._conflict("summary", winner, "text", None, lost, self.user)
            pending.discard(("summary", uuid))
        self.conflicts = writer.with_moves_undone(self.conflicts, _Conflict, self.user)  # teamapi
        self.report.pulled = len(changes)
        if new_base:
            local_state.write_base(self.local, new_base)
        base.update(new_base)

    def _merge_fields(self, kind: str, uuid: str, before: Payload, mine: Payload,
                      theirs: Payload, changer: str) -> Payload:
        merged: Payload = {}
        for key in sorted(set(before) | set(mine) | set(theirs)):
            was, ours, other = before.get(key), mine.get(key), theirs.get(key)
            if ours == was or other == ours:
                value = other
            elif other == was:
                value = ours
            else:
                value = ours  # pushed after theirs: the later edit, on every copy
                self._conflict(kind, uuid, key, ours, other, changer)
            if value is not None or not key.startswith(VALUE_PREFIX):
                merged[key] = value
        return merged

    def _conflict(self, kind: str, uuid: str, name: str, kept: Any, lost: Any,
                  lost_by: str | None) -> None:
        self.conflicts.append(_Conflict(kind, uuid, name, kept, lost, lost_by))

    # -- push ------------------------------------------------------------------------------

    def _settle(self, base: Base) -> tuple[list[tuple[str, str, Payload]], list[tuple[str, str]]]:
        """This copy's changes since the base: those it may make (to push), after taking back
        the others."""
        current = self._rows()
        upserts: list[tuple[str, str, Payload]] = []
        tombstones: list[tuple[str, str]] = []
        take_back: list[tuple[str, str]] = []  # (kind, uuid): restore the server's value
        gone_here: list[tuple[str, str, Payload | None]] = []
        for kind in KINDS:
            for uuid, payload in current[kind].items():
                known = base.get((kind, uuid))
                if known is None:
                    upserts.append((kind, uuid, payload))
                elif known[1] is None:
                    gone_here.append((kind, uuid, None))  # deleted on the server: for good
                elif known[1] != payload:
                    if self.may_change(kind, known[0]):
                        upserts.append((kind, uuid, payload))
                    else:
                        take_back.append((kind, uuid))
        refused: list[tuple[str, str, Payload]] = []
        for (kind, uuid), (owner, last) in base.items():
            if last is None or uuid in current[kind]:
                continue
            if self.may_change(kind, owner):
                tombstones.append((kind, uuid))
            else:
                refused.append((kind, uuid, last))
        orphaned = self._orphaned(refused, current, take_back)
        undeleted = [(kind, uuid) for kind, uuid, _ in refused if (kind, uuid) not in orphaned]
        # What went with a deletion taken back (a coder's own codings on a document they may
        # not delete) comes back with it, not what they removed by an action of its own.
        companions = self._went_with({uuid for _kind, uuid in undeleted})
        take_back += undeleted + [key for key in tombstones if key[1] in companions]
        tombstones = [key for key in tombstones if key[1] not in companions]
        self.report.refused += len(take_back)
        if gone_here or take_back:
            self._restore(gone_here, take_back)
        if orphaned:
            local_state.forget_base(self.local, sorted(orphaned))
            for key in orphaned:
                base.pop(key, None)
        return upserts, tombstones

    def _went_with(self, uuids: set[str]) -> set[str]:
        """Rows the change journal shows deleted by the same actions as these."""
        if not uuids:
            return set()
        marks = ", ".join("?" * len(uuids))
        return {uuid for (uuid,) in self.local.exec_driver_sql(
            "SELECT row_uuid FROM undo_statement WHERE op = 'delete' AND row_uuid IS NOT NULL "
            "AND step_id IN (SELECT step_id FROM undo_statement WHERE op = 'delete' "
            f"AND step_id IS NOT NULL AND row_uuid IN ({marks}))", tuple(uuids))}

    def _orphaned(self, refused: list[tuple[str, str, Payload]],
                  current: dict[str, dict[str, Payload]],
                  take_back: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """The deletions this copy may not make that went with an entity they pointed at (a
        code or document deleted here, for good): the rest are taken back, and with them
        whatever points at them."""
        present = {(kind, uuid) for kind in KINDS for uuid in current[kind]} | set(take_back)
        waiting = {(kind, uuid): last for kind, uuid, last in refused}
        changed = True
        while changed:
            changed = False
            for (kind, uuid), last in list(waiting.items()):
                if all(last.get(name) is None or (target, last[name]) in present
                       for name, target in REFERENCES.get(kind, {}).items()):
                    present.add((kind, uuid))
                    del waiting[(kind, uuid)]
                    changed = True
        return set(waiting)

    def _restore(self, gone: list[tuple[str, str, Payload | None]],
                 take_back: list[tuple[str, str]]) -> None:
        rows = list(gone)
        if take_back:
            wanted = [uuid for _kind, uuid in take_back]
            found = {uuid: (kind, payload, deleted) for kind, uuid, payload, deleted in
                     self.server.execute(text(
                         "SELECT kind, uuid::text, payload, deleted FROM entity "
                         "WHERE uuid = ANY(CAST(:uuids AS uuid[]))"), {"uuids": wanted})}
            for kind, uuid in take_back:
                if uuid in found:
                    rows.append((kind, uuid, None if found[uuid][2] else found[uuid][1]))
                    self.report.details.append(f"not allowed to change {kind} {uuid}: taken back")
        LocalWriter(self.local, lambda _kind, _uuid: False).apply(rows)
        self._current = None

    def _send(self, upserts: list[tuple[str, str, Payload]], tombstones: list[tuple[str, str]],
              base: Base) -> None:
        total = len(upserts) + len(tombstones)
        self.progress("push", 0, total)
        bodies = document_bodies(self.local, [uuid for kind, uuid, _ in upserts
                                              if kind == "document" and (kind, uuid) not in base])
        batch = 2000
        for start in range(0, len(upserts), batch):
            chunk = upserts[start:start + batch]
            self.server.execute(_UPSERT, [
                {"uuid": uuid, "kind": kind, "payload": dumps({**payload, **bodies.get(uuid, {})})}
                for kind, uuid, payload in chunk])
            self.progress("push", min(start + batch, len(upserts)), total)
            if start == 0:
                _pause("pushing")
        if tombstones:
            self.server.execute(_TOMBSTONE, [{"uuid": uuid} for _kind, uuid in tombstones])
        if self.conflicts:
            self.server.execute(_CONFLICT, [
                {"kind": c.kind, "uuid": c.uuid, "field": c.field, "kept": dumps(c.kept),
                 "lost": dumps(c.lost), "lost_by": c.lost_by} for c in self.conflicts])
        _pause("pushed")
        owners = {uuid: owner for uuid, owner in self.server.execute(text(
            "SELECT uuid::text, owner FROM entity WHERE uuid = ANY(CAST(:uuids AS uuid[]))"),
            {"uuids": [uuid for _kind, uuid, _p in upserts]})} if upserts else {}
        new_base: Base = {(kind, uuid): (owners.get(uuid, self.user), payload)
                          for kind, uuid, payload in upserts}
        new_base.update({(kind, uuid): (base[(kind, uuid)][0], None) for kind, uuid in tombstones})
        if new_base:
            local_state.write_base(self.local, new_base)
        self.report.pushed = total
        self.report.conflicts = len(self.conflicts)
        self.progress("push", total, total)
