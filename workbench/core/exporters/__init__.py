"""Writing analyses out for the report: matrices to Excel, Word and CSV; the codebook to Word."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.core.errors import WorkbenchError


class ExportError(WorkbenchError):
    """An export file cannot be written."""


def check_folder(path: str | os.PathLike[str]) -> None:
    """Fail before any work when the file could not be written where asked."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{target}: the folder {target.parent} does not exist.")


@contextmanager
def written_whole(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a scratch path next to ``path``; on success it replaces ``path`` in one step.

    A failed or cancelled export leaves no half-written file (and an older file untouched).
    """
    target = Path(path)
    check_folder(target)
    scratch = target.with_name(f".{target.name}.writing")
    try:
        yield scratch
        os.replace(scratch, target)
    except OSError as error:
        raise ExportError(f"{target}: cannot be written ({error.strerror or error}).") from None
    finally:
        scratch.unlink(missing_ok=True)

