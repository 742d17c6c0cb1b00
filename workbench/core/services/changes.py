"""What a user action changed: the record the GUI refreshes from (after Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.model import (
    AttributeDefinition, AuditEntry, Base, Case, Code, Coder, Coding, Document, MatrixSummary, Memo,
    ProjectInfo,
)

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
        return Changes(tuple(self.created), tuple(self.updated), tuple(self.deleted), message)
