"""Looking after a project file: check (and repair) it."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import add_backup_option, open_for_writing
from workbench.cli.output import print_json
from workbench.core.integrity import CheckReport, check_project, repair_project
from workbench.core.storage import SCHEMA_VERSION, Project
from workbench.core.storage.file_header import read_header
from workbench.core.storage.project_file import Access


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check a project for damage (and repair it)")
    check.add_argument("project", type=Path)
    check.add_argument("--repair", action="store_true",
                       help="fix what is safe to fix (one step, which Undo can take back)")
    check.add_argument("--json", action="store_true")
    add_backup_option(check)
    check.set_defaults(run=run_check)


def run_check(arguments: argparse.Namespace) -> int:
    """Exit status 0 when the project is (now) sound, 1 when problems remain."""
    if arguments.repair:
        with open_for_writing(arguments) as project:
            report = repair_project(project)
    else:
        report = _check(arguments.project)
    if arguments.json:
        print_json({"clean": report.clean, "repaired": report.repaired,
                    "problems": [vars(problem) for problem in report.problems]})
        return 0 if report.clean else 1
    for line in report.repaired:
        print(f"repaired  {line}")
    for problem in report.problems:
        hint = "" if problem.repairable else " (cannot be repaired: restore a backup)"
        print(f"problem   {problem.kind}: {problem.message}{hint}")
    if report.clean:
        print("The project is sound.")
    elif not arguments.repair and any(p.repairable for p in report.problems):
        print("Run 'workbench check --repair' to fix what can be fixed.")
    return 0 if report.clean else 1


def _check(path: Path) -> CheckReport:
    """Check without changing anything; works while another window has the project open
    (the search index is then checked for its documents only, not word by word)."""
    # An older format is checked as it is read, from an upgraded copy: checking never upgrades.
    older = read_header(path).user_version < SCHEMA_VERSION
    with Project.open(path, access=Access.READ if older else Access.WRITE_OR_READ) as project:
        return check_project(project)
