"""The changes a copy has to send, kept up to date cheaply between full counts.

The core counts them (``api.pending_changes``) by reading every entity and the sync base: on a
large project that is seconds of work, too much to repeat after every coding. So the window
counts fully only when a project opens and after each sync (in the worker), keeping the *set*
of entities to send and of those the server holds; after each action it updates the set from
the action's change record alone, without touching the file. An entity edited back to the
value the server has stays in the set until the next full count (a count a little high, never
low).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.services.changes import Changes
from workbench.core.storage import Project
from workbench.core.team import api, local_state
from workbench.core.team.rows import KINDS, Payload, read_rows

Key = tuple[str, str]  # (kind, uuid)


@dataclass
class Pending:
    link: local_state.TeamLink | None
    keys: set[Key] = field(default_factory=set)  # entities with a change to send
    on_server: set[Key] = field(default_factory=set)  # entities the server holds (live)

    def note(self, changes: Changes) -> None:
        """Add what one action changed (deleting what the server never had sends nothing)."""
        for ref in (*changes.created, *changes.updated):
            if ref.kind in KINDS:
                self.keys.add((ref.kind, ref.uuid))
        for ref in changes.deleted:
            key = (ref.kind, ref.uuid)
            if ref.kind not in KINDS:
                continue
            if key in self.on_server:
                self.keys.add(key)
            else:
                self.keys.discard(key)


def count_pending(project: Project, current: dict[str, dict[str, Payload]] | None = None
                  ) -> Pending:
    """The full count, as the core makes it, keeping which entities it found. ``current``:
    every entity's payload, when the caller has just read them (a sync's snapshot)."""
    with project.reading() as session:
        connection = session.connection()
        link = local_state.read_link(connection)
        if link is None:
            return Pending(None)
        if current is None and (marked := api.pending_keys(project)) is not None:
            return Pending(link, *marked)  # from the dirty marks: what changed, not every row
        base = local_state.read_base(connection)
        if current is None:
            current = read_rows(connection)
    keys: set[Key] = set()
    for kind in KINDS:
        for uuid, payload in current[kind].items():
            known = base.get((kind, uuid))
            if known is None or known[1] != payload:
                keys.add((kind, uuid))
    on_server = {key for key, (_owner, payload) in base.items() if payload is not None}
    keys.update(key for key in on_server if key[1] not in current[key[0]])
    return Pending(link, keys, on_server)
