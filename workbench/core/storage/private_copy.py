"""Reading a project from a private copy, where reading it in place would change it or fail.

Two cases. A project in an older format must be upgraded before today's code can read it, but
a command that only reads must never change the file (nor write a backup beside it): it reads
an upgraded copy instead. And a project left with a write-ahead log in a place we cannot write
(a crash, then the folder made read-only, a CD) cannot be opened there at all, as SQLite needs
to build the log's index beside it: the file and its log are copied together and read from
there. The copy lives in a folder only this user can read, and goes when the project closes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from workbench.core.errors import ProjectFileError


def read_only_uri(path: Path) -> str:
    """Open read-only. A WAL database needs its ``-shm`` index; where the folder is read-only and
    no write-ahead log exists, nobody can be writing, so the file is read as immutable."""
    uri = path.resolve().as_uri()
    if not has_log(path) and not _writable_folder(path) and not Path(f"{path}-shm").exists():
        return f"{uri}?immutable=1"
    return f"{uri}?mode=ro"


def has_log(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def needs_copy_to_read(path: Path) -> bool:
    """A leftover log nobody can fold in, in a place where SQLite cannot build its index."""
    return has_log(path) and not _writable_folder(path) and not Path(f"{path}-shm").exists()


def copy_file_and_log(path: Path) -> Path:
    """The file and its write-ahead log, byte for byte, in a new private folder."""
    copy = _private_folder() / path.name
    try:
        shutil.copyfile(path, copy)
        if has_log(path):
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    except OSError as error:
        discard(copy)
        raise ProjectFileError(f"{path}: cannot be read ({error.strerror}).") from None
    return copy


def consistent_copy(path: Path) -> Path:
    """One consistent state of the project (SQLite's online backup), in a new private folder."""
    copy = _private_folder() / path.name
    # Without a log, whatever is committed is in the file: read it without leaving an index.
    uri = read_only_uri(path) if has_log(path) else f"{path.resolve().as_uri()}?immutable=1"
    source = sqlite3.connect(uri, uri=True)
    try:
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        discard(copy)
        raise ProjectFileError(f"{path}: cannot be read ({error}).") from None
    finally:
        source.close()
    return copy


def discard(copy: Path) -> None:
    shutil.rmtree(copy.parent, ignore_errors=True)


def _private_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="workbench-read-"))  # mode 0700


def _writable_folder(path: Path) -> bool:
    return os.access(path.parent, os.W_OK)
