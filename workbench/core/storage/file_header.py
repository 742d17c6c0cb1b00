"""Reading a file's SQLite header without opening it, so a foreign file is never written."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import NotAProjectError, ProjectFileError
from workbench.core.storage.file_identity import refuse_if_not_regular

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
APPLICATION_ID = 0x43574231  # "CWB1": marks a SQLite file as a Coding Workbench project


@dataclass(frozen=True)
class SqliteHeader:
    user_version: int
    application_id: int


def read_header(path: Path) -> SqliteHeader:
    """Return the header fields we check, or raise a clear error for a file that is no database."""
    refuse_if_not_regular(path)  # a named pipe would never answer
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        raise ProjectFileError(f"{path}: no such project file.") from None
    except IsADirectoryError:
        raise ProjectFileError(f"{path}: is a folder, not a project file.") from None
    except PermissionError:
        raise ProjectFileError(f"{path}: permission denied.") from None
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot be read ({error.strerror}).") from None
    if not head:
        raise NotAProjectError(f"{path} is not a Coding Workbench project: the file is empty.")
    if not head.startswith(SQLITE_MAGIC[: len(head)]) or len(head) < len(SQLITE_MAGIC):
        raise NotAProjectError(f"{path} is not a Coding Workbench project (not a database file).")
    if len(head) < HEADER_SIZE:
        raise NotAProjectError(f"{path} is not a Coding Workbench project: the file is truncated.")
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    return SqliteHeader(user_version=user_version, application_id=application_id)
