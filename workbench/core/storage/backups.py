"""Rotating backups of a project, taken on open, and putting one back.

Each open for writing copies the project (SQLite's online backup, see :mod:`snapshot`) into
``<name>.backups/<stem>-YYYYMMDD-HHMMSS<suffix>`` beside it and keeps the newest N. An open that
finds the project unchanged since the newest copy takes none, so scripts that open a project
many times do not churn. A backup that fails never stops the open: it is reported instead.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbench.core.atomic_file import flush_to_disk
from workbench.core.errors import NotAProjectError, ProjectFileError
from workbench.core.leftovers import held_scratch
from workbench.core.storage.file_header import APPLICATION_ID, read_header
from workbench.core.storage.file_identity import file_mode, make_private_folder, real_path
from workbench.core.storage.snapshot import snapshot
from workbench.core.storage.writer_lock import WriterLock

DEFAULT_KEEP = 5
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<counter>\d+))?$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # local time, from the name
    counter: int  # several copies within one second: 1, 2, ...

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def last_change(self) -> datetime | None:
        """When the project held in this copy was last changed (UTC), if it can be read."""
        try:
            return _last_change(self.path)
        except (sqlite3.Error, UnicodeDecodeError, ValueError):  # a damaged copy
            return None


def backup_folder(project: Path) -> Path:
    """Beside the real file: a symlink to the project shares the file's backups."""
    real = real_path(project)
    return real.with_name(f"{real.name}.backups")


def list_backups(project: Path) -> list[Backup]:
    """The project's backups, newest first."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.stem)
        if match is None or path.name.startswith(".") or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP)
        found.append(Backup(path, taken, int(match["counter"] or 1)))
    return sorted(found, key=lambda b: (b.taken_at, b.counter), reverse=True)


def take_backup(project: Path) -> Path:
    """Copy the project into its backup folder now; returns the copy's path."""
    folder = backup_folder(project)
    make_private_folder(folder, project)
    target = _new_name(project, folder)
    snapshot(project, target)
    return target


def copy_aside(project: Path) -> Path:
    """Copy the project file into its backup folder byte for byte, with no SQLite read: the
    one copy a damaged file still allows."""
    folder = backup_folder(project)
    make_private_folder(folder, project)
    target = _new_name(project, folder)
    scratch = target.with_name(f".{target.name}.partial")
    try:
        with held_scratch(scratch, file_mode(project)):
            shutil.copyfile(project, scratch)
            flush_to_disk(scratch)
            os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def backup_on_open(project: Path, keep: int) -> tuple[Path | None, str | None]:
    """Take a backup unless the newest is of the same state, then keep the newest ``keep``.

    Returns the copy taken (or None) and, when backing up failed, a warning for the user.
    """
    try:
        newest = list_backups(project)[:1]
        taken = None
        current = _fingerprint(project, frozen=False)
        if not newest or _fingerprint(newest[0].path, frozen=True) != current:
            taken = take_backup(project)
        prune(project, keep)
        return taken, None
    except (OSError, sqlite3.Error, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return None, (f"No backup of {project.name} could be made on opening it ({reason}); "
                      f"the project itself is fine. Check the space in {backup_folder(project)}.")


def prune(project: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns the deleted ones."""
    removed = [backup.path for backup in list_backups(project)[max(keep, 0):]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def find_backup(project: Path, wanted: str | None) -> Backup:
    """A backup named by its number in :func:`list_backups` (1 = newest), its file name or path."""
    backups = list_backups(project)
    if not backups:
        raise ProjectFileError(
            f"{project.name} has no backups (looked in {backup_folder(project)}).")
    if wanted is None:
        return backups[0]
    if wanted.isdigit() and 1 <= int(wanted) <= len(backups):
        return backups[int(wanted) - 1]
    for backup in backups:
        if wanted in (backup.path.name, str(backup.path)) or Path(wanted).name == backup.path.name:
            return backup
    raise ProjectFileError(f"{project.name} has no backup '{wanted}' (see 'workbench restore "
                           f"{project} --list').")


def restore(project: Path, backup: Path, *, user: str | None = None) -> Path:
    """Put ``backup`` back as the project, in one transaction; returns the copy of the replaced
    state (restoring that copy undoes the restore).

    Refused while the project is open for writing anywhere. Windows that have it open read-only
    go on reading a consistent state and see the restored one on their next read.

    A damaged project (the very one that needs restoring) cannot be read by SQLite: it is then
    copied aside byte for byte, and the backup is put in its place as a whole file, without the
    write-ahead log and index left beside it, which belong to the damaged file.
    """
    from workbench.core.storage.restoring import put_back

    _check_restorable(backup)
    lock = WriterLock.acquire(project, user=user)
    try:
        damaged = not _readable(project)
        kept = None
        if not damaged:
            try:
                kept = take_backup(project)
            except (sqlite3.DatabaseError, UnicodeDecodeError):  # a damaged page further on
                damaged = True
        if kept is None:
            kept = copy_aside(project)
        put_back(project, backup, damaged=damaged)
    finally:
        lock.release()
    return kept


# -- helpers -----------------------------------------------------------------------------------


def _new_name(project: Path, folder: Path) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    suffix = project.suffix or ".cwb"
    candidate, counter = folder / f"{project.stem}-{stamp}{suffix}", 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{project.stem}-{stamp}-{counter}{suffix}"
    return candidate


def _immutable_uri(path: Path) -> str:
    # A backup never changes after it is written: reading it needs no locks and leaves no files.
    return f"{path.resolve().as_uri()}?immutable=1"


def _connect_read_only(path: Path, *, frozen: bool) -> sqlite3.Connection:
    uri = _immutable_uri(path) if frozen else f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True)


def _fingerprint(path: Path, *, frozen: bool) -> tuple[object, ...]:
    """What changes whenever the project does: its last-change time, format, undo history."""
    connection = _connect_read_only(path, frozen=frozen)
    try:
        return (
            connection.execute("SELECT modified_at FROM project").fetchone(),
            connection.execute("PRAGMA user_version").fetchone(),
            connection.execute("SELECT count(*), max(id) FROM undo_step").fetchone(),
            connection.execute("PRAGMA page_count").fetchone(),
        )
    finally:
        connection.close()


def _last_change(path: Path) -> datetime | None:
    connection = _connect_read_only(path, frozen=True)
    try:
        row = connection.execute("SELECT modified_at FROM project").fetchone()
    finally:
        connection.close()
    return datetime.fromisoformat(str(row[0])) if row and row[0] else None


def _readable(project: Path) -> bool:
    """Whether SQLite can read the project's schema and its project record."""
    try:
        connection = _connect_read_only(project, frozen=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection.execute("SELECT id FROM project").fetchone() is not None
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeDecodeError):  # bit rot in the schema: undecodable names
        return False


def _check_restorable(backup: Path) -> None:
    from workbench.core.storage.migrations import SCHEMA_VERSION  # lazy: SQLAlchemy and the model

    try:
        header = read_header(backup)
    except ProjectFileError as error:
        raise type(error)(f"{str(error).rstrip('.')}; nothing was restored.") from None
    if header.application_id != APPLICATION_ID or header.user_version < 1:
        raise NotAProjectError(f"{backup} is not a Coding Workbench project; nothing was restored.")
    if header.user_version > SCHEMA_VERSION:
        raise ProjectFileError(f"{backup.name} was made by a newer Coding Workbench; update it "
                               "to restore this backup. Nothing was restored.")
