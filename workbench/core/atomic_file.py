"""Writing a file whole or not at all: every export goes to a scratch file beside its target.

The scratch file is flushed to the disk and then moved over the target in one step, so a full
disk, a failing writer or a cancelled job leaves no half-written file and an older file intact.
A target that is not a regular file (``/dev/stdout``, a pipe, ``/dev/full``) has nothing to
replace, and a scratch file beside it would land in ``/dev``: it is sent the finished file.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.leftovers import held_scratch, remove_leftovers

SCRATCH = re.compile(r"\..+\.[0-9a-f]{8}\.writing")

CONTROL_CHARACTER_REFUSAL = (
    "a name or text in the project holds a control character, which this kind of file cannot "
    "hold. 'workbench check' names it; 'workbench check --repair' removes it.")

PLAIN_REASONS = {
    errno.ENOSPC: "there is not enough space on the disk",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file would be too large",
}


def plain_reason(error: OSError | Exception) -> str:
    """Why a write failed, in words a researcher understands.

    lxml (under openpyxl and python-docx) names the C library's error instead: ``IO_ENOSPC``.
    """
    if isinstance(error, OSError):
        code: int | None = error.errno
    else:
        code = getattr(errno, str(error).removeprefix("IO_"), None)
    if code in PLAIN_REASONS:
        return PLAIN_REASONS[code]
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return os.strerror(code) if code else str(error)


@contextmanager
def written_whole(path: str | os.PathLike[str],
                  error: Callable[[str], WorkbenchError] = WorkbenchError) -> Iterator[Path]:
    """Yield the path to write to; when the block ends without error it becomes ``path``.

    A failed write (the disk is full, the folder is read-only, ...) is raised as ``error`` with
    a message naming the file, and the scratch file is removed.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise error(f"{target}: cannot be written (the folder {target.parent} does not exist).")
    if target.is_dir():
        raise error(f"{target}: cannot be written (it is a folder; choose a file name).")
    special = _is_special(target)
    # A device or pipe gets a copy of a finished scratch file from the temporary folder, so the
    # writer never sees it fail half-way (zip writers then leave unclosed files behind).
    beside = Path(tempfile.gettempdir()) / target.name if special else target
    scratch: Path | None = None
    try:
        if not special:
            remove_leftovers(target.parent, SCRATCH)  # those of a command that was killed
        scratch = _new_scratch(beside)
        # Created new (O_EXCL: never following or reusing anything there), held while written.
        with held_scratch(scratch):
            yield scratch
            if special:
                _copy_into(scratch, target)
            else:
                flush_to_disk(scratch)
                os.replace(scratch, target)
                scratch = None
    except OSError as failure:
        raise error(f"{target}: cannot be written ({plain_reason(failure)}).") from None
    except Exception as failure:  # lxml's and openpyxl's classes: not imported here (start-up)
        if _lxml_serialisation_failure(failure):
            raise error(f"{target}: cannot be written ({plain_reason(failure)}).") from None
        if not control_character_failure(failure):
            raise
        raise error(f"{target}: cannot be written: {CONTROL_CHARACTER_REFUSAL}") from None
    finally:
        if scratch is not None:
            scratch.unlink(missing_ok=True)


def control_character_failure(failure: BaseException) -> bool:
    """openpyxl's refusal of a cell, or lxml's of a string (python-docx, our XML writers)."""
    return (type(failure).__name__ == "IllegalCharacterError"
            or isinstance(failure, ValueError) and "XML compatible" in str(failure))


def _lxml_serialisation_failure(failure: BaseException) -> bool:
    """lxml's ``SerialisationError`` (a full disk under python-docx or openpyxl), told by its
    class so that lxml is not imported by every command that opens a project."""
    kind = type(failure)
    return kind.__name__ == "SerialisationError" and kind.__module__.startswith("lxml")


def _is_special(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False  # missing (or unreadable): the scratch file route reports the problem
    return not stat.S_ISREG(mode)


def _new_scratch(target: Path) -> Path:
    """A name for a new scratch file beside ``target`` that nothing has yet."""
    while True:
        scratch = target.with_name(f".{target.name}.{secrets.token_hex(4)}.writing")
        if not os.path.lexists(scratch):
            return scratch



def _copy_into(scratch: Path, target: Path) -> None:
    with scratch.open("rb") as source, target.open("wb", buffering=0) as sink:
        shutil.copyfileobj(source, sink)


def flush_to_disk(scratch: Path) -> None:
    """Make sure the bytes are on the disk (a full disk may only show here) before the move."""
    descriptor = os.open(scratch, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
