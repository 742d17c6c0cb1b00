"""Why a project file could not be used, in plain words where SQLite's own are cryptic."""

from __future__ import annotations

import errno
import sqlite3


def failure_reason(error: BaseException) -> str:
    """Why a file operation failed, in plain words where SQLite's own are cryptic."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None  # the extended code's base
    if isinstance(original, UnicodeDecodeError):
        return "the file is damaged"
    if primary == sqlite3.SQLITE_FULL or getattr(original, "errno", None) == errno.ENOSPC:
        return "there is not enough space on the disk"
    plain = {
        sqlite3.SQLITE_CORRUPT: "the file is damaged",
        sqlite3.SQLITE_NOTADB: "the file is damaged or is not a project",
        sqlite3.SQLITE_IOERR: "the disk could not be read or written",
    }.get(primary or 0)
    if plain:
        return plain
    return str(original).splitlines()[0] if str(original) else type(original).__name__
