"""Saving the state an open project holds as a new project file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workbench.core.atomic_file import flush_to_disk
from workbench.core.errors import ProjectFileError
from workbench.core.leftovers import held_scratch


def save_copy(connection: sqlite3.Connection, target: Path) -> Path:
    """Copy what ``connection`` reads into the new file ``target``, whole or not at all.

    Reads through the project's own open connection, so it saves the state this program holds
    even when the path it was opened from now names another file.
    """
    if os.path.lexists(target):
        raise ProjectFileError(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise ProjectFileError(f"{target}: the folder {target.parent} does not exist.")
    scratch = target.with_name(f".{target.name}.creating")
    try:
        with held_scratch(scratch, 0o600):
            copy = sqlite3.connect(scratch)
            try:
                connection.backup(copy)
                copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                copy.close()
            flush_to_disk(scratch)
            os.link(scratch, target)  # never over a file that appeared meanwhile
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ProjectFileError(f"{target}: the copy could not be saved ({reason}).") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return target
