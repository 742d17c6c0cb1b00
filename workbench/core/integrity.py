"""Checking a project for damage, and repairing what can be repaired safely.

Checks: SQLite's own integrity check; rows whose foreign key points nowhere (orphans); codings
outside their document's text; codes that are their own ancestor; the full-text index out of
step with the documents; a document whose stored word and paragraph boundaries are missing or
differ from its text. Repair runs in one transaction (so it is one undo step): orphans are
deleted, a coding that sticks out of its document is trimmed to the text (or deleted when
nothing of it is inside), a code cycle is broken by moving one of its codes to the top of the
codebook, and the full-text index is rebuilt, and wrong or missing layouts are computed again;
control characters in names (see ``integrity_names``) are removed. Damage SQLite itself reports
is never "repaired": restore a backup instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from workbench.core.integrity_names import control_character_problems, repair_control_characters
from workbench.core.model.document_layout import layout_row
from workbench.core.storage import Project
from workbench.core.storage.migrations import fill_missing_layouts
from workbench.core.storage.project_file import failure_reason
from workbench.core.storage.schema_extras import rebuild_fulltext


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    repairable: bool = True


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems


def check_project(project: Project) -> CheckReport:
    """Everything that is wrong with the project (nothing is changed)."""
    with project.reading() as session:
        connection = session.connection()
        report = CheckReport()
        for check in (_sqlite_integrity, _orphans, _codings_outside, _code_cycles, _fulltext,
                      _layouts, _names):
            try:
                report.problems.extend(check(connection))
            except DBAPIError as error:  # a page SQLite cannot read: the other checks cannot run
                report.problems.append(
                    Problem(
                        "database",
                        f"SQLite cannot read the project ({failure_reason(error)}); restore a "
                        "backup (workbench restore)",
                        repairable=False,
                    )
                )
                break
        return report


def repair_project(project: Project) -> CheckReport:
    """Repair what is safe in one transaction, then check again; the report says what was done."""
    repaired: list[str] = []
    with project.transaction("Repair project") as session:
        connection = session.connection()
        for repair in (_repair_orphans, _repair_codings_outside, _repair_code_cycles,
                       _repair_fulltext, _repair_layouts, repair_control_characters):
            repaired.extend(repair(connection))
    report = check_project(project)
    report.repaired = repaired
    return report


# -- checks ------------------------------------------------------------------------------------

def _names(connection: Connection) -> list[Problem]:
    return [Problem(kind, message) for kind, message in control_character_problems(connection)]


def _sqlite_integrity(connection: Connection) -> list[Problem]:
    rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return []
    return [
        Problem("database", f"SQLite reports damage: {row}", repairable=False) for row in rows[:20]
    ]


def _orphan_rows(connection: Connection) -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent, _index in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        found.setdefault((table, parent), []).append(rowid)
    return found


def _orphans(connection: Connection) -> list[Problem]:
    return [Problem("orphan", f"{len(rowids)} {table.rstrip('_')} row(s) refer to a "
                              f"{parent.rstrip('_')} that does not exist")
            for (table, parent), rowids in _orphan_rows(connection).items()]


_OUTSIDE = """SELECT coding.id, coding.start, coding."end", length(document.text), document.title
              FROM coding JOIN document ON coding.document_id = document.id
              WHERE coding.start < 0 OR coding."end" > length(document.text)
                 OR coding."end" <= coding.start"""


def _codings_outside(connection: Connection) -> list[Problem]:
    return [
        Problem(
            "coding outside its document",
            f"Coding {coding_id} ({start}–{end}) lies outside '{title}' ({length} characters)",
        )
        for coding_id, start, end, length, title in connection.exec_driver_sql(_OUTSIDE)
    ]


def _cycles(connection: Connection) -> list[list[int]]:
    parents: dict[int, int | None] = dict(
        connection.exec_driver_sql("SELECT id, parent_id FROM code").all())
    cycles: list[list[int]] = []
    seen: set[int] = set()
    for start in parents:
        path: list[int] = []
        current: int | None = start
        while current is not None and current not in seen and current not in path:
            path.append(current)
            current = parents.get(current)
        if current is not None and current in path:
            cycles.append(path[path.index(current):])
        seen.update(path)
    return cycles


def _code_cycles(connection: Connection) -> list[Problem]:
    return [Problem("code tree",
                    f"Codes {', '.join(map(str, sorted(cycle)))} are each other's ancestors")
            for cycle in _cycles(connection)]


_OUT_OF_STEP = Problem("full-text index", "The search index is out of step with the documents")


def _fulltext(connection: Connection) -> list[Problem]:
    """FTS5's own check compares the index with the documents' text. It is an INSERT command,
    which a read-only connection (a project open in another window) refuses: there, the index
    is checked to hold exactly the documents, without comparing their words."""
    try:
        connection.exec_driver_sql(
            "INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)")
    except DBAPIError as error:
        if getattr(error.orig, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_READONLY:
            return [_OUT_OF_STEP]
        differs = connection.exec_driver_sql(
            "SELECT EXISTS (SELECT id FROM document_fts_docsize EXCEPT SELECT id FROM document) "
            "OR EXISTS (SELECT id FROM document EXCEPT SELECT id FROM document_fts_docsize)")
        return [_OUT_OF_STEP] if differs.scalar() else []
    return []


def _wrong_layouts(connection: Connection) -> tuple[list[str], list[tuple[int, str]]]:
    """Titles of documents without a layout; (id, title) of those whose layout is wrong."""
    missing, wrong = [], []
    for document_id, title, text, words, bounds, paragraphs in connection.exec_driver_sql(
            "SELECT document.id, title, text, layout.word_count, words, paragraphs FROM document "
            "LEFT JOIN document_layout AS layout ON layout.document_id = document.id"):
        if bounds is None:
            missing.append(title)
            continue
        expected = layout_row(document_id, text)
        if (words, bounds, paragraphs) != (expected["word_count"], expected["words"],
                                           expected["paragraphs"]):
            wrong.append((document_id, title))
    return missing, wrong


def _layouts(connection: Connection) -> list[Problem]:
    missing, wrong = _wrong_layouts(connection)
    return ([Problem("document layout", f"'{title}' has no stored word boundaries")
             for title in missing]
            + [Problem("document layout", f"The stored word boundaries of '{title}' do not "
                                          "match its text") for _id, title in wrong])


# -- repairs ------------------------------------------------------------------------------------

def _repair_orphans(connection: Connection) -> list[str]:
    done = []
    for (table, parent), rowids in _orphan_rows(connection).items():
        for rowid in rowids:
            connection.exec_driver_sql(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
        done.append(f"Deleted {len(rowids)} {table.rstrip('_')} row(s) whose "
                    f"{parent.rstrip('_')} was missing.")
    return done


def _repair_codings_outside(connection: Connection) -> list[str]:
    done = []
    for coding_id, start, end, length, title in connection.exec_driver_sql(_OUTSIDE).all():
        new_start, new_end = max(0, start), min(end, length)
        if new_end > new_start:
            connection.exec_driver_sql('UPDATE coding SET start = ?, "end" = ? WHERE id = ?',
                                       (new_start, new_end, coding_id))
            done.append(f"Trimmed coding {coding_id} to {new_start}–{new_end} in '{title}'.")
        else:
            connection.exec_driver_sql("DELETE FROM coding WHERE id = ?", (coding_id,))
            done.append(f"Deleted coding {coding_id}: nothing of it lies inside '{title}'.")
    return done


def _repair_code_cycles(connection: Connection) -> list[str]:
    done = []
    for cycle in _cycles(connection):
        code_id = min(cycle)
        connection.exec_driver_sql("UPDATE code SET parent_id = NULL WHERE id = ?", (code_id,))
        done.append(f"Moved code {code_id} to the top of the codebook to break a loop in the tree.")
    return done


def _repair_fulltext(connection: Connection) -> list[str]:
    if not _fulltext(connection):
        return []
    rebuild_fulltext(connection)
    return ["Rebuilt the search index from the documents."]


def _repair_layouts(connection: Connection) -> list[str]:
    missing, wrong = _wrong_layouts(connection)
    for document_id, _title in wrong:
        connection.exec_driver_sql("DELETE FROM document_layout WHERE document_id = ?",
                                   (document_id,))
    raw = connection.connection.driver_connection
    assert raw is not None  # an open connection always holds its sqlite3 connection
    count = fill_missing_layouts(raw)
    return [f"Computed the word boundaries of {count} document(s) again."] if count else []
