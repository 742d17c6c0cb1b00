"""A consistent copy of a project file, taken with SQLite's online backup while it may be open."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from workbench.core.atomic_file import flush_to_disk
from workbench.core.leftovers import held_scratch, remove_leftovers
from workbench.core.storage.file_identity import file_mode

PARTIAL = re.compile(r"\..+\.partial")


def snapshot(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` page by page; ``target`` appears whole or not at all.

    The online backup reads one consistent state of the database (whatever is committed, in the
    file or its write-ahead log), which a plain file copy of an open project does not. The copy
    gets the permissions of ``source``; a copy left half-made by a killed command is removed.
    """
    remove_leftovers(target.parent, PARTIAL)
    scratch = target.with_name(f".{target.name}.partial")
    _remove_with_companions(scratch)
    source_connection = sqlite3.connect(source)
    try:
        with held_scratch(scratch, file_mode(source)):
            copy = sqlite3.connect(scratch)
            try:
                source_connection.backup(copy)
                copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                copy.close()
            flush_to_disk(scratch)
            os.replace(scratch, target)
    except BaseException:
        _remove_with_companions(scratch)
        raise
    finally:
        source_connection.close()


def _remove_with_companions(scratch: Path) -> None:
    for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
        leftover.unlink(missing_ok=True)
