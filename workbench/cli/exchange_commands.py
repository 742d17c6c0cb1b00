"""Team work on the command line: REFI-QDA export and import, codebook and project merge."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.coding_commands import current_coder
from workbench.cli.opening import add_backup_option, open_for_reading, open_for_writing
from workbench.cli.output import print_json, print_table
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.merge.codebook_plan import CodebookPlan, plan_codebook_merge
from workbench.core.merge.other_project import read_codebook_from
from workbench.core.merge.project_merge import merge_project, plan_project_merge
from workbench.core.storage import Project


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="write the project as a REFI-QDA .qdpx")
    export.add_argument("project", type=Path)
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.qdpx")
    export.set_defaults(run=run_export)

    imported = commands.add_parser("import-qdpx", help="a new project from a REFI-QDA .qdpx")
    imported.add_argument("package", type=Path, metavar="FILE.qdpx")
    imported.add_argument("project", type=Path, help="the new project file")
    imported.set_defaults(run=run_import)

    merge = commands.add_parser("merge", help="bring another project (or a .qdpx) into this one")
    merge.add_argument("project", type=Path)
    merge.add_argument("other", type=Path, metavar="OTHER", help="a project file or a .qdpx")
    add_merge_options(merge)
    merge.set_defaults(run=run_merge)


def add_merge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan-only", action="store_true", help="show the preview; change nothing")
    add_backup_option(parser)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--coder", help="who merges, for the audit record "
                                        "(default: $WORKBENCH_CODER, else your login)")


def run_export(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project:
        report = export_project(project, arguments.output)
    print(f"Wrote {report.counts.get('documents', 0)} document(s) and "
          f"{report.counts.get('codings', 0)} coding(s) to {report.path}.")
    _print_warnings(report.warnings)
    return 0


def run_import(arguments: argparse.Namespace) -> int:
    report = import_qdpx(arguments.package, arguments.project)
    counts = ", ".join(f"{value} {key}" for key, value in sorted(report.counts.items()))
    print(f"Created {report.path} from {arguments.package.name}: {counts}.")
    _print_warnings(report.warnings)
    return 0


def run_merge(arguments: argparse.Namespace) -> int:
    with _open_to_merge(arguments) as project:
        plan = plan_project_merge(project, arguments.other)
        message = None
        if not arguments.plan_only:
            message = merge_project(project, plan=plan,
                                    author=current_coder(arguments.coder)).message
    if arguments.json:
        print_json({"counts": plan.counts, "codebook": plan_rows(plan.codebook),
                    "warnings": plan.warnings, "merged": message is not None, "message": message})
        return 0
    print(", ".join(f"{key}: {value}" for key, value in plan.counts.items()))
    _print_plan(plan.codebook)
    print(message or "Preview only; nothing was changed.")
    _print_warnings(plan.warnings)
    return 0


def run_codebook_merge(arguments: argparse.Namespace) -> int:
    codebook = read_codebook_from(arguments.codebook)
    with _open_to_merge(arguments) as project:
        with project.reading() as session:
            plan = plan_codebook_merge(session, codebook, arguments.codebook.name)
        message = None
        if not arguments.plan_only:
            message = merge_codebook(project, codebook, plan, source=arguments.codebook.name,
                                     author=current_coder(arguments.coder)).message
    if arguments.json:
        print_json({"codebook": plan_rows(plan), "warnings": codebook.warnings,
                    "merged": message is not None, "message": message})
        return 0
    _print_plan(plan)
    print(message or "Preview only; nothing was changed.")
    _print_warnings(codebook.warnings)
    return 0


def _open_to_merge(arguments: argparse.Namespace) -> Project:
    if arguments.plan_only:
        return open_for_reading(arguments.project)
    return open_for_writing(arguments)


def plan_rows(plan: CodebookPlan) -> list[dict]:
    return [{"theirs": "/".join(row.theirs.path) if row.theirs else None,
             "ours": "/".join(row.ours.path) if row.ours else None,
             "matched_by": row.matched_by, "differences": [d.value for d in row.differences],
             "choice": row.choice.value,
             "suggestions": ["/".join(plan.ours[i].path) for i in row.suggestions]}
            for row in plan.rows]


def _print_plan(plan: CodebookPlan) -> None:
    rows = [(row["theirs"] or "", row["ours"] or "", ", ".join(row["differences"]),
             row["choice"], "; ".join(row["suggestions"]))
            for row in plan_rows(plan) if row["differences"] not in (["same"], ["only here"])]
    if rows:
        print_table(["theirs", "ours", "difference", "choice", "likely duplicate of"], rows)
    counts = plan.counts()
    print(f"{counts.get('same', 0)} code(s) are the same in both; "
          f"{counts.get('only here', 0)} are only in this project (kept).")


def _print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}")
