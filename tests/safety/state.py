"""What a project holds, compared across runs; and whether it is sound by every measure we have."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from tests.helpers import REPO
from workbench.cli import main
from workbench.core.integrity import check_project
from workbench.core.storage import Project

# Values that differ between two runs of the same action: fresh GUIDs and clock readings.
VOLATILE = {"uuid", "created_at", "modified_at", "imported_at", "when",
            "at", "row_uuid", "parent_uuid"}  # the last three: the change journal's

Content = dict[str, list[tuple]]
_STATEMENT = re.compile(r'^(DELETE FROM|INSERT INTO|UPDATE) "\w+"')


def content(path: Path) -> Content:
    """Every row of every table, minus the values two runs of one action cannot share.

    The full-text index is left out here: the integrity check compares it with the documents.
    The undo log keeps each statement's kind and table (its values quote fresh GUIDs).
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'document_fts%' ORDER BY name")]
        found: Content = {}
        for table in tables:
            columns = ", ".join(f'"{row[1]}"' for row in connection.execute(
                f'PRAGMA table_info("{table}")') if row[1] not in VOLATILE)
            rows = connection.execute(f'SELECT {columns} FROM "{table}"')
            if table == "undo_statement":
                rows = (
                    (row[0], row[1], _STATEMENT.match(row[2]).group(), *row[3:]) for row in rows
                )
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        connection.close()


def counts(found: Content) -> dict[str, int]:
    return {table: len(rows) for table, rows in found.items()}


def assert_sound(path: Path, *, own_process: bool = False) -> Content:
    """Reopen the project as a user would: the command line's check, then the core's; both clean.

    Returns its content, read after the reopening (which recovers the write-ahead log). The
    command runs in this process, or with ``own_process`` as ``python -m workbench`` (a second
    or more of imports: one test does so, to show the command's own start-up opens it too).
    """
    command = ["check", str(path), "--json"]
    if own_process:
        completed = subprocess.run([sys.executable, "-m", "workbench", *command], cwd=REPO,
                                   capture_output=True, text=True, timeout=60)
        status, out, errors = completed.returncode, completed.stdout, completed.stderr
    else:
        with redirect_stdout(io.StringIO()) as printed, redirect_stderr(io.StringIO()) as said:
            status = main(command)
        out, errors = printed.getvalue(), said.getvalue()
    assert status == 0, out + errors
    assert json.loads(out) == {"clean": True, "repaired": [], "problems": []}
    with Project.open(path) as project:
        report = check_project(project)
        assert report.problems == []
    return content(path)
