"""What a synchronisation changed in the local file, as the change record the panels refresh from.

A sync writes rows other coders made, underneath the window; the core's :class:`SyncReport`
counts them but does not name them, and the pulled rows leave no undo journal to read a record
from. So the worker takes a snapshot of every entity (its local id and comparable payload, by
UUID) before and after the sync and compares them: the result is an ordinary :class:`Changes`,
the same record an undo or an import emits, so every panel refreshes the way it already does.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.services.changes import Changes, EntityRef
from workbench.core.storage import Project
from workbench.core.team.rows import KINDS, TABLES, Payload, read_rows


@dataclass(frozen=True)
class Snapshot:
    """Per kind: UUID -> (local id, payload)."""

    rows: dict[str, dict[str, tuple[int, Payload]]]

    def payloads(self) -> dict[str, dict[str, Payload]]:
        """Per kind: UUID -> payload (as ``read_rows`` gives them)."""
        return {kind: {uuid: payload for uuid, (_id, payload) in found.items()}
                for kind, found in self.rows.items()}


def take_snapshot(project: Project) -> Snapshot:
    with project.reading() as session:
        connection = session.connection()
        payloads = read_rows(connection)
        rows: dict[str, dict[str, tuple[int, Payload]]] = {}
        for kind in KINDS:
            found = connection.exec_driver_sql(f"SELECT uuid, id FROM {TABLES[kind]}")
            ids = {str(uuid): int(row_id) for uuid, row_id in found}
            rows[kind] = {uuid: (ids[uuid], payload)
                          for uuid, payload in payloads[kind].items() if uuid in ids}
    return Snapshot(rows)


def changes_between(before: Snapshot, after: Snapshot, message: str = "") -> Changes:
    """Entities the sync created, changed and deleted here (in the order of :data:`KINDS`)."""
    created: list[EntityRef] = []
    updated: list[EntityRef] = []
    deleted: list[EntityRef] = []
    for kind in KINDS:
        old, new = before.rows.get(kind, {}), after.rows.get(kind, {})
        for uuid, (row_id, payload) in new.items():
            if uuid not in old:
                created.append(EntityRef(kind, row_id, uuid))
            elif old[uuid][1] != payload:
                updated.append(EntityRef(kind, row_id, uuid))
        deleted.extend(EntityRef(kind, row_id, uuid)
                       for uuid, (row_id, _payload) in old.items() if uuid not in new)
    return Changes(tuple(created), tuple(updated), tuple(deleted), message)
