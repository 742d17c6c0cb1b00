"""Scratch files that say while they are in use, so the next run can remove those of a killed one.

Every file written whole (exports, backups, new projects) is first built under a hidden scratch
name. A command killed half-way leaves that scratch file behind, and nothing else would ever
remove it (a 100 MB ``.partial`` in a backups folder). So the writer holds an operating-system
lock on its scratch file while it works; whoever next works in that folder removes the scratch
files nobody holds, and leaves alone those another command is still writing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

if os.name == "nt":  # pragma: no cover - Windows: an open file cannot be removed anyway
    def _try_lock(descriptor: int) -> bool:
        return True
else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


@contextmanager
def held_scratch(path: Path, mode: int = 0o666) -> Iterator[Path]:
    """Create ``path`` (new, empty; ``mode`` at most) and hold it while the block runs.

    The block may write it by name, replace it into place or remove it; the hold ends with it.
    """
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode)
    try:
        _try_lock(descriptor)
        yield path
    finally:
        os.close(descriptor)


def remove_leftovers(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Remove the scratch files in ``folder`` whose names match ``pattern`` and that no running
    command holds (with their SQLite companions); returns what was removed."""
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        if _unheld(path):
            # A project built under this name also left the writer lock file beside it.
            for leftover in (*(Path(f"{path}{c}") for c in ("", *_SQLITE_COMPANIONS)),
                             folder / f".{name}.lock"):
                with contextlib.suppress(FileNotFoundError, IsADirectoryError, PermissionError):
                    leftover.unlink()
            removed.append(path)
            log.info("removed %s, left behind by a command that was stopped", path)
    return removed


def _unheld(path: Path) -> bool:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not os.path.isfile(path):
            return False
        return _try_lock(descriptor)
    finally:
        os.close(descriptor)

