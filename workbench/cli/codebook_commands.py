"""Commands on codebooks: list the built-in ones (or a project's tree), export a project's."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.exchange_commands import add_merge_options, run_codebook_merge
from workbench.cli.opening import open_for_reading
from workbench.cli.output import print_json
from workbench.core.code_counts import count_texts
from workbench.core.codebooks.builtin import BUILTIN_CODEBOOKS
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.queries.listing import list_codes
from workbench.core.services.codebook import export_codebook


def register(commands: argparse._SubParsersAction) -> None:
    codebook = commands.add_parser(
        "codebook", help="built-in codebooks; export a project's codebook"
    )
    actions = codebook.add_subparsers(metavar="ACTION", parser_class=type(codebook))
    listing = actions.add_parser("list", help="the built-in codebooks, or a project's code tree")
    listing.add_argument("project", nargs="?", type=Path)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    export = actions.add_parser("export", help="write a project's codebook as REFI-QDA .qdc")
    export.add_argument("project", type=Path)
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.qdc")
    export.set_defaults(run=run_export)
    report = actions.add_parser("report", help="write the codebook as a Word appendix "
                                "(tree, definitions, examples, counts)")
    report.add_argument("project", type=Path)
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.docx")
    report.set_defaults(run=run_report)
    merge = actions.add_parser("merge", help="bring a .qdc (or another project's) codebook in")
    merge.add_argument("project", type=Path)
    merge.add_argument("codebook", type=Path, metavar="FILE.qdc",
                       help="a REFI-QDA codebook, another project, or a .qdpx")
    add_merge_options(merge)
    merge.set_defaults(run=run_codebook_merge)


def run_list(arguments: argparse.Namespace) -> int:
    if arguments.project is None:
        rows = [{"key": b.key, "title": b.title, "codes": len(read_codebook(b.path)),
                 "summary": b.summary} for b in BUILTIN_CODEBOOKS]
        if arguments.json:
            print_json(rows)
        else:
            for row in rows:
                print(f"{row['key']:<16} {row['title']} ({row['codes']} codes): {row['summary']}")
        return 0
    with open_for_reading(arguments.project) as project, project.reading() as session:
        codes = list_codes(session)
    if arguments.json:
        print_json(codes)
        return 0
    counts = count_texts(codes)  # own (whole subtree), as the window shows them
    for code in codes:
        flag = "" if code.codable else "  [groups only]"
        print(f"{'  ' * code.depth}{code.name}  {counts[code.id]}{flag}")
    return 0


def run_export(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project:
        path = export_codebook(project, arguments.output)
    print(f"Wrote the codebook to {path}.")
    return 0


def run_report(arguments: argparse.Namespace) -> int:
    from workbench.core.exporters.codebook_docx import write_codebook_docx

    with open_for_reading(arguments.project) as project:
        path = write_codebook_docx(project, arguments.output)
    print(f"Wrote the codebook report to {path}.")
    return 0
