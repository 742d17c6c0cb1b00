"""Undo and redo of user actions (every service action is one step; see storage/undo_log.py).

The change record of an undo or redo is read from the change journal the triggers wrote while it
ran: every row it inserted, updated or deleted, cascades included, named by entity.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.errors import DomainError
from workbench.core.services.changes import Changes, EntityRef
from workbench.core.storage import Project
from workbench.core.storage.undo_log import JournalEntry, newest_step, step_journal

# The entity kind each journalled table's rows are; child rows name their parent instead.
KIND_OF_TABLE = {"case_": "case", "attribute": "attribute", "document": "document", "code": "code",
                 "coding": "coding", "memo": "memo", "coder": "coder",
                 "matrix_summary": "summary", "audit_entry": "audit"}
_GROUP = {"insert": "created", "update": "updated", "delete": "deleted"}


def undo(project: Project) -> Changes:
    """Take back the last action."""
    return _replay(project, "undo", "Undid")


def redo(project: Project) -> Changes:
    """Do again the last action that was undone."""
    return _replay(project, "redo", "Redid")


def undo_label(project: Project) -> str | None:
    labels = project.step_labels("undo")
    return labels[0] if labels else None


def redo_label(project: Project) -> str | None:
    labels = project.step_labels("redo")
    return labels[0] if labels else None


def last_action_changes(project: Project) -> Changes:
    """What the newest undoable step changed, as the journal recorded it."""
    with project.reading() as session:
        connection = session.connection()
        step = newest_step(connection, "undo")
        if step is None:
            raise DomainError("There is nothing to undo.")
        return changes_from_journal(step_journal(connection, step[0]), step[1])


def changes_from_journal(entries: Iterable[JournalEntry], message: str = "") -> Changes:
    """One change record from a step's row changes, in the order they were made.

    Each entity is reported by what the step did to it in sum: a row inserted and deleted again
    in the same step (two codings joined into one) is not reported. A child row (a speaker turn,
    an attribute value, a layout, a heading) counts as an update of its parent entity, unless
    that parent was itself created or deleted.
    """
    entries = list(entries)
    # A child deleted by a cascade cannot look its parent's UUID up: the parent's own row is
    # already gone, but its deletion is journalled earlier in the same step.
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
            groups["updated" if existed and exists else "deleted" if existed else "created"].append(ref)
    return Changes(tuple(groups["created"]), tuple(groups["updated"]), tuple(groups["deleted"]),
                   message)


def _replay(project: Project, direction: str, verb: str) -> Changes:
    result = project.replay(direction)
    if result is None:
        raise DomainError(f"There is nothing to {direction}.")
    label, entries = result
    return changes_from_journal(entries, f"{verb}: {label}.")
