"""Who may do what with a project being opened: the writer lock, or reading, and from where."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from workbench.core.errors import ProjectLockedError, ReadOnlyLocationError
from workbench.core.storage import private_copy
from workbench.core.storage.migrations import SCHEMA_VERSION, upgrade_project
from workbench.core.storage.writer_lock import WriterLock


class Access(StrEnum):
    """How :meth:`Project.open` opens a project."""

    WRITE = "write"  # take the writer lock, or raise an error that says why not
    READ = "read"  # read-only, without the lock: never keeps anyone else from writing
    WRITE_OR_READ = "write-or-read"  # write if we may, else read-only saying why (the GUI)


READ_ONLY_BY_CHOICE = "it was opened for reading only"
RESTORE_HINT = "Put a backup back with 'workbench restore {path}' (see its --list)."


def take_lock(path: Path, access: Access,
              user: str | None) -> tuple[WriterLock | None, str | None]:
    """The writer lock, or (for a read-only open) None and why the project is read-only."""
    if access is Access.READ:
        return None, READ_ONLY_BY_CHOICE
    try:
        if not os.access(path, os.W_OK):
            raise ReadOnlyLocationError(f"{path}: the file is read-only")
        return WriterLock.acquire(path, user=user), None
    except ProjectLockedError as error:
        if access is Access.WRITE:
            raise
        return None, error.reason
    except ReadOnlyLocationError as error:
        if access is Access.WRITE:
            raise ReadOnlyLocationError(f"{error}; it can only be opened read-only.") from None
        return None, _location_reason(path)


def _location_reason(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return "the file cannot be written to"
    return f"its folder {path.parent} cannot be written to"


def copy_to_read(path: Path, version: int) -> Path | None:
    """The private copy a read-only open reads instead of the file, or None to read the file.

    An older format is read from an upgraded copy: reading never upgrades (nor backs up) a file.
    """
    if version >= SCHEMA_VERSION and not private_copy.needs_copy_to_read(path):
        return None
    if private_copy.needs_copy_to_read(path):
        copy = private_copy.copy_file_and_log(path)
    else:
        copy = private_copy.consistent_copy(path)
    if version < SCHEMA_VERSION:
        try:
            upgrade_project(copy, version, backup=False)
        except BaseException:
            private_copy.discard(copy)
            raise
    return copy
