"""Writing analyses out for the report: matrices to Excel, Word and CSV; the codebook to Word."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path

from workbench.core import atomic_file
from workbench.core.errors import WorkbenchError


class ExportError(WorkbenchError):
    """An export file cannot be written."""


def check_folder(path: str | os.PathLike[str]) -> None:
    """Fail before any work when the file could not be written where asked."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{target}: the folder {target.parent} does not exist.")


def written_whole(path: str | os.PathLike[str]) -> AbstractContextManager[Path]:
    """Yield a scratch path next to ``path``; on success it replaces ``path`` in one step.

    A failed or cancelled export, or a full disk, leaves no half-written file (and an older
    file untouched); an ``OSError`` becomes an :class:`ExportError` naming the file.
    """
    return atomic_file.written_whole(path, ExportError)
