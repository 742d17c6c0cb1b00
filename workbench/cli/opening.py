"""How commands open a project: commands that only read open it read-only, so they work while
the desktop window has it open; commands that change it take the writer lock and a backup."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workbench.cli.usage import UsageError
from workbench.core.storage import Project
from workbench.core.storage.backups import DEFAULT_KEEP
from workbench.core.storage.project_file import Access

BACKUPS_VARIABLE = "WORKBENCH_BACKUPS"


def add_backup_option(parser: argparse.ArgumentParser) -> None:
    """``--keep-backups N`` on a command that changes the project (also: $WORKBENCH_BACKUPS)."""
    parser.add_argument("--keep-backups", type=int, metavar="N", default=argparse.SUPPRESS,
                        help=f"keep the newest N backups, one taken on opening (default: "
                             f"${BACKUPS_VARIABLE}, else {DEFAULT_KEEP}; 0: none)")


def keep_backups(arguments: argparse.Namespace) -> int:
    chosen = getattr(arguments, "keep_backups", None)
    if chosen is None:
        text = os.environ.get(BACKUPS_VARIABLE, "").strip()
        if not text:
            return DEFAULT_KEEP
        if not text.isdigit():
            raise UsageError(f"${BACKUPS_VARIABLE} must be a whole number, not '{text}'")
        chosen = int(text)
    if chosen < 0:
        raise UsageError("--keep-backups must be 0 or more")
    return chosen


def open_for_reading(path: Path) -> Project:
    """Read-only, without the writer lock: works while another window writes."""
    return Project.open(path, access=Access.READ)


def open_for_writing(arguments: argparse.Namespace, path: Path | None = None) -> Project:
    """With the writer lock (refused, naming the holder, while another has it) and a backup."""
    project = Project.open(path or arguments.project, access=Access.WRITE,
                           backups=keep_backups(arguments))
    # Who acts, as the change journal records it (`workbench history`): --coder where the
    # command has it, else $WORKBENCH_CODER, else the login name.
    coder = getattr(arguments, "coder", None)
    coder = coder if isinstance(coder, str) and coder else os.environ.get("WORKBENCH_CODER")
    if coder:
        project.coder_name = coder
    if project.stale_lock is not None:
        _note(f"{project.path.name} was not closed properly by "
              f"{project.stale_lock.describe()}; its leftover lock was cleared.")
    if project.backup_warning:
        _note(project.backup_warning)
    if project.upgrade_backup is not None:
        _note(f"{project.path.name} was upgraded from project format {project.upgraded_from}; "
              f"the file as it was is kept as {project.upgrade_backup.name}.")
    return project


def _note(message: str) -> None:
    print(f"workbench: note: {message}", file=sys.stderr)
