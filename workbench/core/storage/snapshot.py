"""A consistent copy of a project file, taken with SQLite's online backup while it may be open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workbench.core.atomic_file import flush_to_disk


def snapshot(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` page by page; ``target`` appears whole or not at all.

    The online backup reads one consistent state of the database (whatever is committed, in the
    file or its write-ahead log), which a plain file copy of an open project does not.
    """
    scratch = target.with_name(f".{target.name}.partial")
    scratch.unlink(missing_ok=True)
    source_connection = sqlite3.connect(source)
    try:
        copy = sqlite3.connect(scratch)
        try:
            source_connection.backup(copy)
            copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            copy.close()
        flush_to_disk(scratch)
        os.replace(scratch, target)
    except BaseException:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        source_connection.close()
