"""One synchronisation: pull everyone else's changes, merge, push this copy's, in one go.

Three steps, and the local file is never locked while the network is used:

1. read a snapshot of the local rows that changed since the last sync (a read transaction;
   :mod:`workbench.core.team.snapshot`);
2. in one PostgreSQL transaction holding an advisory lock (so sequence order is commit order,
   and nobody pushes between our pull and our push): pull, merge in memory, push; commit;
3. write what was pulled, the new sync base and the cursor in one short SQLite transaction
   (:mod:`workbench.core.team.apply`), keeping any row the user changed meanwhile.

Killed after the server's commit and before the local one, the next sync pulls our own rows
back, finds them equal, and pushes nothing twice.

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

from workbench.core.team import clashes, code_tree, journal
from workbench.core.team.code_moves import Referee
from workbench.core.team.local_state import Base
from workbench.core.team.rows import (
    REFERENCES,
    VALUE_PREFIX,
    Payload,
    comparable,
    document_bodies,
    dumps,
)
from workbench.core.team.server import TeamError
from workbench.core.team.server_schema import ADVISORY_KEY, SERVER_FORMAT
from workbench.core.team.snapshot import Key, View, in_order

Progress = Callable[[str, int, int], None]
Change = tuple[str, str, Payload | None]
_PULL = text("SELECT e.kind, e.uuid::text, e.owner, e.payload, e.deleted, c.coder, e.seq "
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
class Plan:
    """What the local file takes once the server has committed (see apply.apply_plan)."""

    view: View
    start_seq: int  # the cursor the sync started from
    seq: int = 0  # the server's newest sequence after the push
    restored: list[Change] = field(default_factory=list)  # taken back (server's values)
    pulled: list[Change] = field(default_factory=list)  # merged from the pull
    seqs: dict[Key, int] = field(default_factory=dict)  # each pulled row's sequence
    new_base: Base = field(default_factory=dict)
    forget: list[Key] = field(default_factory=list)  # base entries to drop


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
    """Steps 2 of a sync, in memory over a :class:`View`; :meth:`run` returns the plan."""

    def __init__(self, view: View, server: Connection, user: str,
                 progress: Progress | None = None) -> None:
        self.view, self.server, self.user = view, server, user
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.report = SyncReport()
        self.conflicts: list[_Conflict] = []
        self.lead = False
        self.plan = Plan(view, 0)
        self.deferred = 0  # rows held back by a name clash (sent by another round)

    def may_change(self, kind: str, owner: str) -> bool:
        return self.lead or (owner == self.user and kind != "code")

    # -- the whole sync --------------------------------------------------------------------

    def run(self, pulled_seq: int) -> Plan:
        server = self.server
        self.plan.start_seq = pulled_seq
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
        # Edits the server would refuse are taken back first: what others did to the rows they
        # point at (a memo on a document this copy may not delete) then finds them in place.
        self._settle()
        self.progress("pull", 0, 1)
        remote = server.execute(_PULL, {"seq": pulled_seq}).all()
        _pause("pulled")
        self._merge_pulled(remote)
        self.progress("pull", 1, 1)
        upserts, tombstones = self._settle()
        self._send(self._without_clashes(upserts), tombstones)
        self.plan.seq = server.scalar(text("SELECT coalesce(max(seq), 0) FROM entity")) or 0
        return self.plan

    # -- pull ------------------------------------------------------------------------------

    def _merge_pulled(self, remote: Sequence[Any]) -> None:
        view = self.view
        view.load((kind, uuid) for kind, uuid, *_rest in remote)
        changes: list[Change] = []
        new_base: Base = {}
        movers: dict[str, str] = {}  # code -> who changed it (for a move kept out, below)
        for kind, uuid, owner, payload, deleted, changer, seq in remote:
            key = (kind, uuid)
            self.plan.seqs[key] = seq
            old = view.known(key)
            before = None if old is None else old[1]
            mine = view.mine(key)
            new_base[key] = (owner, None if deleted else comparable(kind, payload))
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
                if kind == "code":
                    movers[uuid] = changer or owner
        here = self._tree_here()
        for kind, uuid, payload in changes:
            if kind == "summary" and payload is not None:
                changes = self._free_cell(uuid, payload) + changes
            view.set((kind, uuid), None if payload is None else comparable(kind, payload))
        changes = self._keep_out_of_deleted(here, changes, movers)
        changes = self._settle_moves(here, changes)
        self.plan.pulled += changes
        self.report.pulled = len(changes)
        self.plan.new_base.update(new_base)
        view.base.update(new_base)

    def _tree_here(self) -> code_tree.Parents:
        """Each code's parent in this copy before the pull is merged: the file's tree when the
        snapshot was read, with the sync's values so far (edits taken back)."""
        here = dict(self.view.parents)
        for (kind, uuid), payload in self.view.values.items():
            if kind != "code":
                continue
            if payload is None:
                here.pop(uuid, None)
            else:
                here[uuid] = payload.get("parent")
        return here

    def _keep_out_of_deleted(self, here: code_tree.Parents, changes: list[Change],
                             movers: dict[str, str]) -> list[Change]:
        """A code pulled under a code this copy deleted (not yet sent) stays where it is here
        (the top level when that place is gone or inside its own branch): pushed with this
        copy's deletion, so the server keeps it and its codings too, the move listed as a
        conflict on ``parent``. Without it the deletion would take the code along on the
        server while this copy, which never had it there, kept it."""
        if not self.lead:
            return changes
        view = self.view
        tree = {uuid: None if payload is None else payload.get("parent")
                for (kind, uuid), payload in view.values.items() if kind == "code"}
        kept: dict[str, Payload] = {}
        for kind, uuid, payload in changes:
            if kind != "code" or payload is None or uuid not in movers:
                continue
            parent = payload.get("parent")
            if parent is None or view.mine(("code", parent)) is not None:
                continue
            place = here.get(uuid)
            if place is None or view.mine(("code", place)) is None or \
                    code_tree.closes_cycle({**here, **tree}, uuid, place):
                place = None
            kept[uuid] = {**payload, "parent": place}
            self._conflict("code", uuid, "parent", place, parent, movers[uuid])
        if not kept:
            return changes
        for uuid, payload in kept.items():
            view.set(("code", uuid), comparable("code", payload))
        return [(kind, uuid, kept[uuid] if kind == "code" and uuid in kept else payload)
                for kind, uuid, payload in changes]

    def _settle_moves(self, here: code_tree.Parents, changes: list[Change]) -> list[Change]:
        """This copy's code moves not yet sent that lose against the pull (closing a cycle, or
        under a code the pull deletes) are undone in memory, before the push: the code goes
        back to its place at the last sync (see :mod:`code_moves`), the plan writes that here,
        and the move is listed as a conflict on ``parent`` instead of being pushed."""
        codes = [(uuid, payload) for kind, uuid, payload in changes if kind == "code"]
        if not codes:
            return changes
        view = self.view

        def last(uuid: str) -> Payload | None:
            entry = view.disk.get(("code", uuid))
            return None if entry is None else entry[1]

        def pending(uuid: str) -> bool:
            return self.lead and view.snapshot.get(("code", uuid)) is not None

        referee = Referee(here, last, pending)
        rescued = referee.rescue(codes) if any(p is None for _u, p in codes) else {}
        settled, others = referee.untangle(codes, rescued)
        if not referee.moved_back:
            return changes
        batch = dict(codes)
        moved: dict[str, Payload] = {uuid: payload for uuid, payload in settled
                                     if payload is not None and payload != batch[uuid]}
        for uuid, place in [*rescued.items(), *others]:
            if uuid not in batch:
                mine = view.mine(("code", uuid))
                if mine is not None:
                    moved[uuid] = {**moved.get(uuid, mine), **place}
        for uuid, payload in moved.items():
            view.set(("code", uuid), comparable("code", payload))
        changes = [(kind, uuid, moved.pop(uuid) if kind == "code" and uuid in moved
                    else payload) for kind, uuid, payload in changes]
        changes += [("code", uuid, payload) for uuid, payload in sorted(moved.items())]
        self.conflicts = referee.listed(self.conflicts, _Conflict, self.user)
        return changes

    def _free_cell(self, winner: str, payload: Payload) -> list[Change]:
        """A summary of this copy not yet sent, of the same cell as one pulled, gives way (its
        text kept in the conflict list)."""
        gone: list[Change] = []
        for (kind, uuid), mine in list(self.view.values.items()):
            if kind == "summary" and uuid != winner and mine is not None \
                    and (kind, uuid) not in self.plan.seqs \
                    and (mine.get("case"), mine.get("code")) == (payload.get("case"),
                                                                   payload.get("code")):
                self._conflict("summary", winner, "text", None, mine.get("text"), self.user)
                self.view.set((kind, uuid), None)
                gone.append((kind, uuid, None))
        return gone

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
                if changer != self.user:  # our own earlier value, sent by a sync cut short
                    self._conflict(kind, uuid, key, ours, other, changer)
            if value is not None or not key.startswith(VALUE_PREFIX):
                merged[key] = value
        return merged

    def _conflict(self, kind: str, uuid: str, name: str, kept: Any, lost: Any,
                  lost_by: str | None) -> None:
        self.conflicts.append(_Conflict(kind, uuid, name, kept, lost, lost_by))

    # -- push ------------------------------------------------------------------------------

    def _settle(self) -> tuple[list[tuple[str, str, Payload]], list[Key]]:
        """This copy's changes since the base: those it may make (to push), after taking back
        the others."""
        view = self.view
        keys = in_order(view.values)
        view.load(keys)
        upserts: list[tuple[str, str, Payload]] = []
        tombstones: list[Key] = []
        take_back: list[Key] = []  # restore the server's value
        gone_here: list[Change] = []
        refused: list[tuple[str, str, Payload]] = []
        for kind, uuid in keys:
            payload, known = view.values[(kind, uuid)], view.known((kind, uuid))
            if payload is not None:
                if known is None:
                    upserts.append((kind, uuid, payload))
                elif known[1] is None:
                    gone_here.append((kind, uuid, None))  # deleted on the server: for good
                elif known[1] != payload:
                    if self.may_change(kind, known[0]):
                        upserts.append((kind, uuid, payload))
                    else:
                        take_back.append((kind, uuid))
            elif known is not None and known[1] is not None:
                if self.may_change(kind, known[0]):
                    tombstones.append((kind, uuid))
                else:
                    refused.append((kind, uuid, known[1]))
        orphaned = self._orphaned(refused, take_back)
        undeleted = [(kind, uuid) for kind, uuid, _ in refused if (kind, uuid) not in orphaned]
        # What went with a deletion taken back (a coder's own codings on a document they may
        # not delete) comes back with it, not what they removed by an action of its own.
        companions = self._went_with({uuid for _kind, uuid in undeleted})
        take_back += undeleted + [key for key in tombstones if key[1] in companions]
        tombstones = [key for key in tombstones if key[1] not in companions]
        self.report.refused += len(take_back)
        if gone_here or take_back:
            self._restore(gone_here, take_back)
        if companions:
            self._bring_back(companions)
        if orphaned:
            self.plan.forget += sorted(orphaned)
            for key in orphaned:
                view.base.pop(key, None)
                view.values.pop(key, None)
        return upserts, tombstones

    def _went_with(self, uuids: set[str]) -> dict[str, journal.Gone]:
        with self.view.read() as local:
            return journal.went_with(local, uuids)

    def _bring_back(self, gone: dict[str, journal.Gone]) -> None:
        """This copy's own rows that went with a deletion taken back and never reached the
        server (codings on that document): rebuilt from the journal, and sent."""
        with self.view.read() as local:
            rows = journal.rebuilt(local, gone)
        self.view.load(rows)
        back: list[Change] = [(kind, uuid, payload) for (kind, uuid), payload in rows.items()
                              if self.view.known((kind, uuid)) is None
                              and self.view.mine((kind, uuid)) is None]
        for kind, uuid, payload in back:
            self.view.set((kind, uuid), payload)
        self.plan.restored += back

    def _orphaned(self, refused: list[tuple[str, str, Payload]],
                  take_back: list[Key]) -> set[Key]:
        """The deletions this copy may not make that went with an entity they pointed at (a
        code or document deleted here, for good): the rest are taken back, and with them
        whatever points at them."""
        targets = [(target, last[name]) for kind, _uuid, last in refused
                   for name, target in REFERENCES.get(kind, {}).items() if last.get(name)]
        self.view.load(targets)
        present = {key for key in targets if self.view.mine(key) is not None} | set(take_back)
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

    def _restore(self, gone: list[Change], take_back: list[Key]) -> None:
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
        for kind, uuid, payload in rows:
            self.view.set((kind, uuid), None if payload is None else comparable(kind, payload))
        self.plan.restored += rows

    def _without_clashes(self, upserts: list[tuple[str, str, Payload]]
                         ) -> list[tuple[str, str, Payload]]:
        held = clashes.held_back(self.plan.pulled, upserts)
        self.deferred = len(held)
        return [row for row in upserts if row[1] not in held]

    def _send(self, upserts: list[tuple[str, str, Payload]], tombstones: list[Key]) -> None:
        base = self.view.base
        total = len(upserts) + len(tombstones)
        self.progress("push", 0, total)
        new = [uuid for kind, uuid, _ in upserts if kind == "document" and (kind, uuid) not in base]
        bodies = {}
        if new:
            with self.view.read() as local:
                bodies = document_bodies(local, new)
        # Tombstones, then edits, then new rows: a name freed by a deletion or a rename is
        # free before a new row takes it (the server keeps root code names unique).
        if tombstones:
            self.server.execute(_TOMBSTONE, [{"uuid": uuid} for _kind, uuid in tombstones])
        upserts = sorted(upserts, key=lambda row: (row[0], row[1]) not in base)
        batch = 2000
        for start in range(0, len(upserts), batch):
            chunk = upserts[start:start + batch]
            self.server.execute(_UPSERT, [
                {"uuid": uuid, "kind": kind, "payload": dumps({**payload, **bodies.get(uuid, {})})}
                for kind, uuid, payload in chunk])
            self.progress("push", min(start + batch, len(upserts)), total)
            if start == 0:
                _pause("pushing")
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
        self.plan.new_base.update(new_base)
        base.update(new_base)
        self.report.pushed = total
        self.report.conflicts = len(self.conflicts)
        self.progress("push", total, total)

