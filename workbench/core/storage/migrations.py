"""Project format versions, and the steps that bring an older project file up to date.

The format version is SQLite's ``user_version``. Version 1 is the first released format.
Opening an older file upgrades it in place, in one transaction, after copying it to
``<name>.bak-<old version>-<date><suffix>`` beside it; a failed upgrade leaves the file as it
was. Each step takes the project from version n to n + 1 on a plain sqlite3 connection, with
only DDL and data that stand on their own (never today's ORM classes' behaviour), so a step
written today still runs the same on a file found years later.

History:

* 1: the first released format.
* 2: ``document_layout``: each document's word and paragraph boundaries, kept beside its text
  (the matrix counts words coded and cites paragraphs without rescanning the texts).
* 3: ``coding.rule``: the text of the autocoding rule that made a coding (NULL for hand
  coding), so agreement can leave autocodings out; the coding table's undo triggers name it.
  ``document_heading``: the headings the source file marked (level, place), for autocoding by
  structure; documents stored before have none (their headings are recognised from the text).
* 4: the change journal: each logged row change names its table, row id and UUID, a child row's
  parent entity, and the operation; each step its coder and time (``undo_log``). Steps logged
  before keep only their inverse SQL, which still replays; what a replay changes is journalled
  by the new triggers, so its change record is whole.
* 5: a team project's synchronisation state (``team_link``, ``sync_base``; see
  :mod:`workbench.core.team`), empty until the project is published or joined.
* 6: the append-only action log (``action_log``, ``action_entity``): every action, undo and
  redo with its coder, time, label and the entities it changed, never trimmed. The steps the
  undo log still holds (at most the last 200 actions, an undone one as its undo) are copied
  into it, marked ``copied``: what came before them is gone.

Every step builds its tables and triggers from :mod:`frozen_formats`, never from today's classes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from workbench.core.errors import ProjectFileError
from workbench.core.model.document_layout import layout_row
from workbench.core.storage.frozen_formats import (
    ACTION_ENTITIES_6,
    ACTION_LOG_6,
    COLUMNS_4,
    JOURNAL_COLUMNS_4,
    LAYOUT_COLUMNS_2,
    LAYOUT_TABLE_2,
    TEAM_TABLES_5,
    trigger_ddl_3,
    trigger_ddl_4,
)
from workbench.core.storage.snapshot import snapshot

SCHEMA_VERSION = 6


def _add_document_layouts(connection: sqlite3.Connection) -> None:
    connection.execute(LAYOUT_TABLE_2)
    for statement in trigger_ddl_3("document_layout", LAYOUT_COLUMNS_2):
        connection.execute(statement)
    fill_missing_layouts(connection)


# Format 3 as it was made: the coding table's columns once ``rule`` was added, and the headings
# table. Frozen here (never read from today's ORM classes), so the step stays the same later.
_CODING_COLUMNS_3 = ["id", "document_id", "code_id", "coder_id", "start", "end", "memo",
                     "created_at", "uuid", "rule"]


_HEADING_TABLE_3 = """CREATE TABLE document_heading (
    id INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CONSTRAINT pk_document_heading PRIMARY KEY (id),
    CONSTRAINT ck_document_heading_range CHECK (level >= 1 AND start < "end"),
    CONSTRAINT fk_document_heading_document_id_document FOREIGN KEY(document_id)
        REFERENCES document (id) ON DELETE CASCADE
)"""
_HEADING_INDEX_3 = "CREATE INDEX ix_document_heading_document_id ON document_heading (document_id)"


def _add_rules_and_headings(connection: sqlite3.Connection) -> None:
    connection.execute('ALTER TABLE coding ADD COLUMN "rule" TEXT')
    for kind in ("insert", "delete", "update"):
        connection.execute(f"DROP TRIGGER IF EXISTS undo_coding_{kind}")
    for statement in trigger_ddl_3("coding", _CODING_COLUMNS_3):
        connection.execute(statement)
    connection.execute(_HEADING_TABLE_3)
    connection.execute(_HEADING_INDEX_3)
    heading_columns = ["id", "document_id", "level", "start", "end"]
    for statement in trigger_ddl_3("document_heading", heading_columns):
        connection.execute(statement)


def _add_change_journal(connection: sqlite3.Connection) -> None:
    for statement in JOURNAL_COLUMNS_4:
        connection.execute(statement)
    triggers = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'undo\\_%' ESCAPE '\\'")]
    for name in triggers:
        connection.execute(f'DROP TRIGGER "{name}"')
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in COLUMNS_4.items():
        if table in tables:  # audit_entry is made on the first merge in files older than it
            for statement in trigger_ddl_4(table, columns):
                connection.execute(statement)


def _add_team_tables(connection: sqlite3.Connection) -> None:
    for statement in TEAM_TABLES_5:
        connection.execute(statement)


def _add_action_log(connection: sqlite3.Connection) -> None:
    for statement in ACTION_LOG_6:
        connection.execute(statement)
    # Oldest first: steps logged before format 4 have no time, and come before those that do. A
    # step waiting to be redone was recorded by an undo; one waiting to be undone is listed as an
    # action (it may have been recorded by a redo: the undo log does not say).
    steps = connection.execute(
        "SELECT id, label, direction, coder, at FROM undo_step "
        "ORDER BY at IS NOT NULL, at, id").fetchall()
    for step, label, direction, coder, at in steps:
        action = connection.execute(
            "INSERT INTO action_log (kind, label, coder, at, copied) VALUES (?, ?, ?, ?, 1)",
            ("undo" if direction == "redo" else "action", label, coder, at)).lastrowid
        connection.execute(ACTION_ENTITIES_6, {"action": action, "step": step})


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_document_layouts,
    2: _add_rules_and_headings,
    3: _add_change_journal,
    4: _add_team_tables,
    5: _add_action_log,
}


def fill_missing_layouts(connection: sqlite3.Connection) -> int:
    """Lay out every document that has no layout row; returns how many were laid out.

    Besides the upgrade, an undo step recorded before the upgrade may bring back a document
    without its layout; the project fills it in the same transaction.
    """
    missing = connection.execute(
        "SELECT id, text FROM document WHERE id NOT IN (SELECT document_id FROM document_layout)")
    rows = [layout_row(document_id, text) for document_id, text in missing]
    connection.executemany(
        "INSERT INTO document_layout (document_id, word_count, words, paragraphs) "
        "VALUES (:document_id, :word_count, :words, :paragraphs)", rows)
    return len(rows)


def upgrade_backup_path(path: Path, version: int, day: date) -> Path:
    """``name.bak-<version>-<date>.cwb`` beside the project; never an existing file."""
    base = f"{path.stem}.bak-{version}-{day.isoformat()}"
    candidate, number = path.with_name(f"{base}{path.suffix}"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{base}-{number}{path.suffix}")
    return candidate


def upgrade_project(path: Path, from_version: int, *, today: date | None = None,
                    backup: bool = True) -> Path:
    """Back the project up, then bring it to :data:`SCHEMA_VERSION` in one transaction.

    Returns the backup's path. The caller holds the project's writer lock. ``backup=False``
    upgrades a private copy read in place of an older file (which keeps the file as it was).
    """
    copy = upgrade_backup_path(path, from_version, today or date.today())
    try:
        if backup:
            snapshot(path, copy)
    except (OSError, sqlite3.Error) as error:
        raise ProjectFileError(
            f"{path}: made by an older Coding Workbench (project format {from_version}); it must "
            f"be upgraded, but the backup {copy.name} could not be written ({error}). "
            "The project is unchanged.") from None
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("BEGIN IMMEDIATE")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for step in range(version, SCHEMA_VERSION):
            STEPS[step](connection)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
        # Bring the main file's header up to date, so the next open reads the new version there.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if not isinstance(error, sqlite3.Error):
            raise
        raise ProjectFileError(
            f"{path}: could not be upgraded from project format {from_version} to "
            f"{SCHEMA_VERSION} ({error}); the project is unchanged, and a copy of it is at "
            f"{copy.name}.") from None
    finally:
        connection.close()
    return copy
