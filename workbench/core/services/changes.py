"""What a user action changed: the record the GUI refreshes from (after Anki's OpChanges).

The record is read from the change journal the undo triggers write (storage/undo_log.py), so it
names every row the action changed, cascades included; the service's own notes only order it
(its subject first) where they agree with the journal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.core.model import (
    AttributeDefinition,
    AuditEntry,
    Base,
    Case,
    Code,
    Coder,
    Coding,
    Document,
    MatrixSummary,
    Memo,
    ProjectInfo,
)
from workbench.core.storage.undo_log import JournalEntry, committed_since, journal_ticket

KIND_OF: dict[type[Base], str] = {
    ProjectInfo: "project", Coder: "coder", Case: "case", AttributeDefinition: "attribute",
    Document: "document", Code: "code", Coding: "coding", Memo: "memo",
    MatrixSummary: "summary", AuditEntry: "audit",
}


@dataclass(frozen=True)
class EntityRef:
    kind: str
    id: int
    uuid: str

    @classmethod
    def of(cls, entity: Base) -> EntityRef:
        return cls(KIND_OF[type(entity)], entity.id, entity.uuid)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Changes:
    """Entities created, updated and deleted by one action, and a sentence describing it."""

    created: tuple[EntityRef, ...] = ()
    updated: tuple[EntityRef, ...] = ()
    deleted: tuple[EntityRef, ...] = ()
    message: str = ""

    @property
    def subject(self) -> EntityRef:
        """The entity the action was about: the first created, else updated, else deleted."""
        for group in (self.created, self.updated, self.deleted):
            if group:
                return group[0]
        raise LookupError("This action changed nothing.")

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(ref.kind for ref in (*self.created, *self.updated, *self.deleted))

    def count(self, kind: str, group: str = "created") -> int:
        return sum(1 for ref in getattr(self, group) if ref.kind == kind)


@dataclass
class ChangeLog:
    """Collects changes while a transaction runs; frozen into :class:`Changes` at the end."""

    created: list[EntityRef] = field(default_factory=list)
    updated: list[EntityRef] = field(default_factory=list)
    deleted: list[EntityRef] = field(default_factory=list)
    # Steps committed after this number (in this thread) are the action this log describes.
    ticket: int = field(default_factory=journal_ticket)

    def create(self, entity: Base) -> None:
        self.created.append(EntityRef.of(entity))

    def update(self, entity: Base) -> None:
        ref = EntityRef.of(entity)
        if ref not in self.updated and ref not in self.created:
            self.updated.append(ref)

    def delete(self, entity: Base) -> None:
        self.deleted.append(EntityRef.of(entity))

    def forget_or_delete(self, entity: Base) -> None:
        """Record a deletion, or drop the entity from the log if this action created it."""
        ref = EntityRef.of(entity)
        if ref in self.created:
            self.created.remove(ref)
        else:
            self.deleted.append(ref)

    def freeze(self, message: str = "") -> Changes:
        """The action's change record: the journal's, in the order this log noted it."""
        journal = committed_since(self.ticket)
        if journal is None:  # nothing committed (the action found nothing to do)
            return Changes(tuple(self.created), tuple(self.updated), tuple(self.deleted), message)
        found = changes_from_journal(journal)

        def ordered(noted: list[EntityRef], true: tuple[EntityRef, ...]) -> tuple[EntityRef, ...]:
            wanted = set(true)
            first = {ref: None for ref in noted if ref in wanted}
            return (*first, *(ref for ref in true if ref not in first))
        return Changes(ordered(self.created, found.created), ordered(self.updated, found.updated),
                       ordered(self.deleted, found.deleted), message)


# The entity kind each journalled table's rows are; child rows name their parent instead.
KIND_OF_TABLE = {"case_": "case", "attribute": "attribute", "document": "document", "code": "code",
                 "coding": "coding", "memo": "memo", "coder": "coder",
                 "matrix_summary": "summary", "audit_entry": "audit"}


def changes_from_journal(entries: Iterable[JournalEntry], message: str = "") -> Changes:
    """One change record from a step's row changes, in the order they were made.

    Each entity is reported by what the step did to it in sum: a row inserted and deleted again
    in the same step (two codings joined into one) is not reported. A child row (a speaker turn,
    an attribute value, a layout, a heading) counts as an update of its parent entity, unless
    that parent was itself created or deleted.
    """
    entries = list(entries)
    # A parent's UUID missing from a child's row (not filled in while it was recorded) is found
    # from the parent's own row in the same step.
    uuids = {(entry.table, entry.row_id): entry.row_uuid for entry in entries}
    first: dict[EntityRef, str | None] = {}  # in order of first appearance; a child's parent: None
    last: dict[EntityRef, str] = {}
    for entry in entries:
        if entry.op is None:
            continue
        if entry.table in KIND_OF_TABLE and entry.row_id is not None:
            ref = EntityRef(KIND_OF_TABLE[entry.table], entry.row_id, entry.row_uuid or "")
            if first.get(ref) is None:
                first[ref] = entry.op
            last[ref] = entry.op
        elif entry.parent_table in KIND_OF_TABLE and entry.parent_id is not None:
            uuid = entry.parent_uuid or uuids.get((entry.parent_table, entry.parent_id)) or ""
            first.setdefault(EntityRef(KIND_OF_TABLE[entry.parent_table], entry.parent_id, uuid),
                             None)
    groups: dict[str, list[EntityRef]] = {"created": [], "updated": [], "deleted": []}
    for ref, op in first.items():
        existed, exists = op != "insert", last.get(ref) != "delete"
        if existed or exists:
            group = "updated" if existed and exists else "deleted" if existed else "created"
            groups[group].append(ref)
    return Changes(tuple(groups["created"]), tuple(groups["updated"]), tuple(groups["deleted"]),
                   message)
