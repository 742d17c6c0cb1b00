"""Undo as data: triggers record the inverse SQL of every row change a user action makes.

Since format 4 each logged row also says, in columns of its own, what changed (see the section
"Change journal" in docs/architecture.md): the table, the row's id and UUID, for a child row
its parent entity, and the operation; its step says who acted and when. Change records are read
from those columns, never from the SQL.

Each action runs in one transaction; its inverse statements form one labelled *step*. Undoing a
step runs its statements in reverse order in one transaction, and the triggers, firing again,
record the step that redoes it. Because the log is written by triggers, every service (and every
foreign-key cascade and full-text update it causes) is undoable without code of its own.

Beside it, since format 6, the append-only *action log*: when a step is recorded, the action
(or undo, or redo), its coder, time and label, and each entity it changed (kind, UUID,
created/updated/deleted) are appended in the same transaction. The undo log keeps 200 steps and
forgets what is undone; the action log is never trimmed nor rewritten.
"""

from __future__ import annotations

import itertools
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, MetaData

# Today's triggers are format 4's frozen ones, today's action log format 6's (its tables and the
# statement that fills it from a step). A format that changes them adds its own frozen
# definition there and points these names at it.
from workbench.core.storage.frozen_formats import (
    ACTION_ENTITIES_6 as ACTION_ENTITIES,
)
from workbench.core.storage.frozen_formats import (
    ACTION_LOG_6 as ACTION_LOG_DDL,
)
from workbench.core.storage.frozen_formats import (
    trigger_ddl_4 as trigger_ddl,
)

# Tables whose rows are user content. The project row (its modified time) and the log are not.
NOT_LOGGED = {"project", "undo_step", "undo_statement", "action_log", "action_entity"}
# Rows only ever created together with their parent, whose insert's inverse (a delete of the
# parent) removes them by cascade, have no insert trigger: logging their inserts would only slow
# imports down. Their deletes are still logged, so a redo brings them back.

LOG_DDL = (
    """CREATE TABLE undo_step (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('undo', 'redo')),
        coder TEXT,
        at TEXT)""",
    """CREATE TABLE undo_statement (
        id INTEGER PRIMARY KEY,
        step_id INTEGER REFERENCES undo_step(id) ON DELETE CASCADE,
        sql TEXT NOT NULL,
        tbl TEXT,
        row_id INTEGER,
        row_uuid TEXT,
        parent_tbl TEXT,
        parent_id INTEGER,
        parent_uuid TEXT,
        op TEXT)""",
    "CREATE INDEX ix_undo_statement_step ON undo_statement (step_id)",
)


def create_undo_log(connection: Connection, metadata: MetaData) -> None:
    for statement in (*LOG_DDL, *ACTION_LOG_DDL):
        connection.exec_driver_sql(statement)
    for table in metadata.sorted_tables:
        if table.name not in NOT_LOGGED:
            for statement in trigger_ddl(table.name, [column.name for column in table.columns]):
                connection.exec_driver_sql(statement)


MAX_STEPS = 200
_GONE = ("SELECT id, tbl, row_id, row_uuid FROM undo_statement "
         "WHERE step_id IS NULL AND op = 'delete' AND row_uuid IS NOT NULL")
_ORPHANS = ("SELECT id, parent_tbl, parent_id FROM undo_statement "
            "WHERE step_id IS NULL AND parent_uuid IS NULL AND parent_tbl IS NOT NULL")


def name_gone_parents(connection: Connection) -> int:
    """Name each pending child entry whose parent was gone when it was logged (a cascade) by
    that parent's deletion, journalled earlier in the same step; returns how many were named.

    Two reads of the pending entries (the step index finds them) and one ``executemany``. One
    ``UPDATE ... FROM`` joining the pending entries with themselves was planned by SQLite as a
    nested loop, pending x deleted entries: deleting 8,000 codings in one action spent 24 s of
    processor time in it, with no child row at all.
    """
    gone = connection.exec_driver_sql(_GONE).all()
    orphans = connection.exec_driver_sql(_ORPHANS).all() if gone else []
    # In journal order: a parent deleted, its id taken again and deleted again in one step names
    # each child by the deletion just before it (the one whose cascade removed the child).
    events = sorted([(entry, 0, (table, row), uuid) for entry, table, row, uuid in gone]
                    + [(entry, 1, (table, row), "") for entry, table, row in orphans])
    latest: dict[tuple[str, int], str] = {}
    named: list[tuple[str, int]] = []
    for entry, is_child, parent, uuid in events:
        if not is_child:
            latest[parent] = uuid
        elif parent in latest:
            named.append((latest[parent], entry))
    if named:
        connection.exec_driver_sql("UPDATE undo_statement SET parent_uuid = ? WHERE id = ?",
                                   named)
    return len(named)


def pending_statements(connection: Connection) -> int:
    return connection.exec_driver_sql(
        "SELECT count(*) FROM undo_statement WHERE step_id IS NULL").scalar() or 0


def record_step(connection: Connection, label: str, direction: str, *, clear_redo: bool,
                coder: str | None = None) -> int | None:
    """Gather the statements the triggers just logged into one step (if there are any), and
    append the action to the action log (see :func:`log_action`).

    ``clear_redo`` marks a new action; otherwise the step records a replay: a ``redo`` step is
    an undo, an ``undo`` step a redo. Returns the step's id, or None when nothing changed.
    """
    if clear_redo:
        connection.exec_driver_sql("DELETE FROM undo_step WHERE direction = 'redo'")
    if not pending_statements(connection):
        return None
    # A child row deleted by a cascade found its parent gone: name it by the parent's own
    # deletion, journalled earlier in this step.
    name_gone_parents(connection)
    at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    step = connection.exec_driver_sql(
        "INSERT INTO undo_step (label, direction, coder, at) VALUES (?, ?, ?, ?)",
        (label, direction, coder, at)).lastrowid
    connection.exec_driver_sql(
        "UPDATE undo_statement SET step_id = ? WHERE step_id IS NULL", (step,)
    )
    kind = "action" if clear_redo else "undo" if direction == "redo" else "redo"
    log_action(connection, step, kind, label, coder, at)
    connection.exec_driver_sql(
        "DELETE FROM undo_step WHERE direction = ? AND id NOT IN "
        "(SELECT id FROM undo_step WHERE direction = ? ORDER BY id DESC LIMIT ?)",
        (direction, direction, MAX_STEPS))
    return step


def log_action(connection: Connection, step: int, kind: str, label: str, coder: str | None,
               at: str | None) -> int:
    """Append one action and the entities its step changed to the append-only action log.

    The entities are read from the step's journal columns by one statement (no per-row work in
    the triggers), so the log costs one INSERT ... SELECT per action. Returns the action's id.
    """
    action = connection.exec_driver_sql(
        "INSERT INTO action_log (kind, label, coder, at) VALUES (?, ?, ?, ?)",
        (kind, label, coder, at)).lastrowid
    connection.exec_driver_sql(ACTION_ENTITIES, {"action": action, "step": step})
    assert action is not None  # an INSERT into a rowid table always gives its row's id
    return action


def newest_step(connection: Connection, direction: str) -> tuple[int, str] | None:
    row = connection.exec_driver_sql(
        "SELECT id, label FROM undo_step WHERE direction = ? ORDER BY id DESC LIMIT 1",
        (direction,)).first()
    return (row[0], row[1]) if row else None


def take_statements(connection: Connection, step_id: int) -> list[str]:
    """The step's inverse statements, newest first, removed from the log."""
    statements = [sql for (sql,) in connection.exec_driver_sql(
        "SELECT sql FROM undo_statement WHERE step_id = ? ORDER BY id DESC", (step_id,))]
    connection.exec_driver_sql("DELETE FROM undo_step WHERE id = ?", (step_id,))
    return statements


@dataclass(frozen=True)
class JournalEntry:
    """One row change as the triggers logged it (``op`` is what was done: insert, update, delete).

    Rows logged before format 4 have only their inverse SQL: their fields here are None.
    """

    table: str | None
    row_id: int | None
    row_uuid: str | None
    parent_table: str | None
    parent_id: int | None
    parent_uuid: str | None
    op: str | None


def step_journal(connection: Connection, step_id: int) -> list[JournalEntry]:
    """The row changes of one step, in the order they were made."""
    return [JournalEntry(*row) for row in connection.exec_driver_sql(
        "SELECT tbl, row_id, row_uuid, parent_tbl, parent_id, parent_uuid, op "
        "FROM undo_statement WHERE step_id = ? ORDER BY id", (step_id,))]


# The journal of the newest step committed in this thread (or task), numbered, so a change
# record begun before it can take it up (see ChangeLog.freeze) and one begun after it cannot.
_ticket = itertools.count(1)
_committed: ContextVar[tuple[int, list[JournalEntry]] | None] = ContextVar(
    "committed_journal", default=None)


def journal_ticket() -> int:
    """A number smaller than that of every step committed from now on."""
    return next(_ticket)


def note_committed(entries: list[JournalEntry]) -> None:
    _committed.set((next(_ticket), entries))


def committed_since(ticket: int) -> list[JournalEntry] | None:
    """The journal of the newest step committed in this thread after ``ticket``, if any."""
    found = _committed.get()
    return found[1] if found is not None and found[0] > ticket else None
