"""Building a new project under a hidden name and giving it its real name only when complete.

A command killed while it fills a new project (``import-qdpx``, ``sample``, ``new`` with a
codebook) would otherwise leave a half-filled project that looks sound and blocks the retry
("already exists"). The project is built as ``.<name>.<hex>.building`` beside its target and
linked to the target at the end (never over a file that appeared meanwhile). The writer lock
holds the scratch file while it is filled; the next build in that folder removes those of
builds that were killed.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import ProjectFileError
from workbench.core.leftovers import remove_leftovers
from workbench.core.storage.project_file import Project, failure_reason

BUILDING = re.compile(r"\..+\.[0-9a-f]{8}\.building")
CREATING = re.compile(r"\..+\.creating")


def build_project(path: str | os.PathLike[str], name: str | None,
                  fill: Callable[[Project], object]) -> Path:
    """Create the project ``path`` named ``name``, ``fill`` it, and only then let it appear.

    If ``fill`` (or anything else) fails, no file is left at ``path`` and the error is raised.
    """
    target = Path(path)
    if os.path.lexists(target):
        raise ProjectFileError(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise ProjectFileError(f"{target}: the folder {target.parent} does not exist.")
    remove_leftovers(target.parent, BUILDING)
    remove_leftovers(target.parent, CREATING)
    scratch = target.with_name(f".{target.name}.{secrets.token_hex(4)}.building")
    try:
        project = Project.create(scratch, name or target.stem)
        try:
            with project.batch():
                fill(project)
        finally:
            project.close()  # folds the log into the file: the file alone is the project
        try:
            os.link(scratch, target)
        except FileExistsError:
            raise ProjectFileError(f"{target} already exists; choose another name.") from None
        except OSError as error:
            raise ProjectFileError(
                f"{target}: cannot create the project ({failure_reason(error)}).") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return target
