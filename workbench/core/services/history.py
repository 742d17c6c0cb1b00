"""Undo and redo of user actions (every service action is one step; see storage/undo_log.py).

The change record of an undo or redo is read from the change journal the triggers wrote while it
ran: every row it inserted, updated or deleted, cascades included, named by entity.
"""

from __future__ import annotations

from workbench.core.errors import DomainError
from workbench.core.services.changes import Changes, changes_from_journal
from workbench.core.storage import Project
from workbench.core.storage.undo_log import newest_step, step_journal


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


def next_labels(project: Project) -> tuple[str | None, str | None]:
    """What Undo and what Redo would replay now, read at once (the Edit menu asks after every
    action)."""
    with project.reading() as session:
        connection = session.connection()
        steps = newest_step(connection, "undo"), newest_step(connection, "redo")
    return steps[0][1] if steps[0] else None, steps[1][1] if steps[1] else None


def last_action_changes(project: Project) -> Changes:
    """What the newest undoable step changed, as the journal recorded it."""
    with project.reading() as session:
        connection = session.connection()
        step = newest_step(connection, "undo")
        if step is None:
            raise DomainError("There is nothing to undo.")
        return changes_from_journal(step_journal(connection, step[0]), step[1])


def _replay(project: Project, direction: str, verb: str) -> Changes:
    result = project.replay(direction)
    if result is None:
        raise DomainError(f"There is nothing to {direction}.")
    label, entries = result
    return changes_from_journal(entries, f"{verb}: {label}.")
