"""Putting a backup back in place of a project (the writer lock is held by the caller)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workbench.core.atomic_file import flush_to_disk
from workbench.core.errors import ProjectFileError
from workbench.core.leftovers import held_scratch
from workbench.core.storage.file_identity import file_mode, real_path


def put_back(project: Path, backup: Path, *, damaged: bool) -> None:
    """Make ``project`` hold what ``backup`` holds, all of it or nothing.

    A sound project takes the backup's pages in one SQLite write transaction, so windows
    reading it meanwhile see one state or the other. A damaged one is replaced as a file.
    """
    if not damaged:
        try:
            _copy_pages(project, backup)
            return
        except sqlite3.DatabaseError:
            pass  # damaged after all (in pages the copy-aside did not need): replace the file
        except sqlite3.Error as error:
            raise _failed(project, backup, str(error)) from None
    _replace_file(project, backup)


def _copy_pages(project: Path, backup: Path) -> None:
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?immutable=1", uri=True)
    target = sqlite3.connect(project)
    try:
        target.execute("PRAGMA busy_timeout = 5000")
        source.backup(target)  # one write transaction: all of it or nothing
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
        source.close()


def _replace_file(project: Path, backup: Path) -> None:
    real = real_path(project)  # a symlink stays a symlink
    scratch = real.with_name(f".{real.name}.restoring")
    scratch.unlink(missing_ok=True)
    try:
        with held_scratch(scratch, file_mode(real)):
            with backup.open("rb") as source, scratch.open("r+b") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
            flush_to_disk(scratch)
            # The log and its index beside the damaged file are the damaged file's: an open
            # would replay them into the restored one.
            for companion in ("-wal", "-shm"):
                Path(f"{real}{companion}").unlink(missing_ok=True)
            os.replace(scratch, real)
    except OSError as error:
        raise _failed(project, backup, error.strerror or str(error)) from None
    finally:
        scratch.unlink(missing_ok=True)


def _failed(project: Path, backup: Path, reason: str) -> ProjectFileError:
    return ProjectFileError(f"{project.name} could not be restored from {backup.name} "
                            f"({reason}); the project is unchanged.")
