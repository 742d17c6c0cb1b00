"""Backups: list a project's backups and put one back (``workbench restore``)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.cli.output import print_json, print_table
from workbench.core.storage.backups import Backup, backup_folder, find_backup, list_backups, restore


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "restore", help="put a backup of a project back (or --list them)",
        description="Each open for writing keeps a backup in PROJECT.backups beside the project "
                    "(the newest 5; see --keep-backups). Restoring keeps the current state as one "
                    "more backup first, so a restore can itself be undone.")
    parser.add_argument("project", type=Path)
    parser.add_argument("backup", nargs="?", metavar="BACKUP",
                        help="its number in --list (1 = newest), or its file name (default: 1)")
    parser.add_argument("--list", action="store_true", help="list the backups, newest first")
    parser.add_argument("--json", action="store_true", help="with --list: print JSON")
    parser.set_defaults(run=run_restore)


def run_restore(arguments: argparse.Namespace) -> int:
    project: Path = arguments.project
    if arguments.list:
        return _print_list(project, list_backups(project), arguments.json)
    chosen = find_backup(project, arguments.backup)
    kept = restore(project, chosen.path)
    print(f"Restored {project.name} from {chosen.path.name} "
          f"(last changed {_local(chosen.last_change())}).")
    print(f"The state it replaced is kept as {kept.name}: "
          f"'workbench restore {project} {kept.name}' undoes this.")
    return 0


def _print_list(project: Path, backups: list[Backup], as_json: bool) -> int:
    rows: list[dict[str, Any]] = [
        {"number": number, "file": b.path.name, "taken": b.taken_at.isoformat(" "),
         "last_change": _local(b.last_change()), "size": b.size}
        for number, b in enumerate(backups, start=1)]
    if as_json:
        print_json(rows)
    elif not rows:
        print(f"No backups of {project.name} yet (they go in {backup_folder(project)}).")
    else:
        print_table(["#", "backup", "taken", "project last changed", "size"],
                    [(r["number"], r["file"], r["taken"], r["last_change"], _size(r["size"]))
                     for r in rows])
    return 0


def _local(moment: datetime | None) -> str:
    """Projects store UTC; people read their own clock."""
    if moment is None:
        return "unknown"
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(size // 1024, 1)} kB"
