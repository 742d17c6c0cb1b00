"""Opening the desktop window (Qt is imported only here, and only when asked for)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    opener = commands.add_parser("open", help="open a project in the desktop window")
    opener.add_argument(
        "project", type=Path, nargs="?", help="project file (default: the last one)"
    )
    opener.set_defaults(run=run_open)


def run_open(arguments: argparse.Namespace) -> int:
    from workbench.gui.platform_check import check_platform

    project = getattr(arguments, "project", None)
    if project is not None and not project.exists():
        from workbench.core.errors import ProjectFileError

        raise ProjectFileError(f"{project}: no such project file.")
    check_platform()  # before Qt starts: Qt itself would abort, naming the wrong library
    from workbench.core.start_up import hold_collection

    hold_collection()  # until the window's first paint (see workbench.gui.collection)
    from workbench.gui.app import run_gui

    return run_gui(project)
