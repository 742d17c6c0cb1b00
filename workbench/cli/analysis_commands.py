"""The ``matrix`` command: a cross-case matrix to Excel, Word or CSV (or printed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import open_for_reading
from workbench.cli.output import print_table
from workbench.cli.usage import UsageError
from workbench.core.analysis.row_kinds import CLI_ROWS, WITHIN, RowKind, build_rows
from workbench.core.analysis.spec import CELL_MODES, COLUMN_LEVELS, MatrixSpec
from workbench.core.exporters.matrix_export import FORMATS, export_matrix
from workbench.core.exporters.options import CSV_DIALECTS, ExportOptions
from workbench.core.model import DocumentKind
from workbench.core.storage import Project


def register(commands: argparse._SubParsersAction) -> None:
    matrix = commands.add_parser(
        "matrix", help="a cross-case matrix (cases x codes) to Excel, Word or CSV",
        description="Build a cross-case matrix: cases as rows, themes or codes as columns. "
                    "Without -o the matrix is printed. Repeat --cell for several views in one "
                    "Excel or Word file.")
    matrix.add_argument("project", type=Path)
    matrix.add_argument("--columns", choices=COLUMN_LEVELS, default="themes",
                        help="themes (each with all its sub-codes) or codes (default: themes)")
    matrix.add_argument("--cell", action="append", choices=CELL_MODES, metavar="MODE",
                        help=f"what a cell shows: {', '.join(CELL_MODES)} (default: count)")
    matrix.add_argument("--by", metavar="ATTRIBUTE", help="group the cases by this attribute")
    matrix.add_argument("--show", action="append", default=[], metavar="ATTRIBUTE",
                        help="show this case attribute beside the case name; repeat for several")
    matrix.add_argument("--coder", action="append", default=[], metavar="NAME",
                        help="only this coder's codings; repeat for several")
    matrix.add_argument("--kind", action="append", default=[], metavar="KIND",
                        choices=[kind.value for kind in DocumentKind],
                        help="only documents of this kind; repeat for several")
    matrix.add_argument("--where", action="append", default=[], metavar="ATTRIBUTE=VALUE",
                        help="only cases with this attribute value; repeat for several")
    matrix.add_argument("--rows", choices=CLI_ROWS, default="cases",
                        help="cases (default); codes: code-by-code co-occurrence; coders: "
                             "coder by code")
    matrix.add_argument("--within", choices=WITHIN, default="overlap",
                        help="with --rows codes: codings co-occur when they overlap (default) "
                             "or share a paragraph")
    matrix.add_argument("--across-coders", action="store_true",
                        help="with --rows codes: also count one coder's code beside another "
                             "coder's (default: pairs of one coder's codings only)")
    matrix.add_argument("--paper", choices=("a4", "letter"),
                        help="Word paper size (default: from your locale; A4 outside the US)")
    matrix.add_argument("--merge-quotes", action="store_true",
                        help="one quotation for overlapping passages of a code coded by several "
                             "coders (the coders listed)")
    matrix.add_argument("--csv-dialect", choices=CSV_DIALECTS,
                        help="comma (comma, decimal point) or semicolon (semicolon, decimal "
                             "comma, as Dutch or Belgian Excel expects); default: from your locale")
    matrix.add_argument("--format", choices=FORMATS, help="default: from the file's extension")
    matrix.add_argument("-o", "--output", type=Path, metavar="FILE")
    matrix.set_defaults(run=run_matrix)


def run_matrix(arguments: argparse.Namespace) -> int:
    cells = arguments.cell or ["count"]
    spec = MatrixSpec(arguments.columns, cells[0], arguments.by, tuple(arguments.show),
                      tuple(arguments.coder), tuple(arguments.kind), _where(arguments.where))
    kind = RowKind.from_cli(arguments.rows, arguments.within)
    with open_for_reading(arguments.project) as project:
        if arguments.output is None:
            return _print(project, spec, cells, kind, arguments.across_coders)
        fmt = arguments.format or arguments.output.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise UsageError(f"give --format ({', '.join(FORMATS)}) or an -o file ending in one")
        options = ExportOptions(arguments.paper, arguments.merge_quotes, arguments.csv_dialect)
        path = export_matrix(project, spec, cells, fmt, arguments.output, rows=kind,
                             across_coders=arguments.across_coders, options=options)
    print(f"Wrote the matrix to {path}.")
    return 0


def _where(pairs: list[str]) -> dict[str, tuple[str, ...]]:
    wanted: dict[str, tuple[str, ...]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--where expects ATTRIBUTE=VALUE, got '{pair}'")
        wanted[name.strip()] = wanted.get(name.strip(), ()) + (value.strip(),)
    return wanted


def _print(project: Project, spec: MatrixSpec, cells: list[str], kind: RowKind,
           across_coders: bool) -> int:
    if len(cells) != 1 or cells[0] in ("passages", "summary"):
        raise UsageError("printing shows one numeric view; use -o FILE for passages, "
                         "summaries or several views")
    with project.reading() as session:
        matrix = build_rows(session, kind, spec, across_coders=across_coders)
    spec = matrix.spec
    headers = [matrix.row_title, *spec.shown_attributes, *(c.name for c in matrix.columns)]
    print_table(headers, [matrix.lead(row) + [matrix.cell_text(row.case_id, c.code_id) or "-"
                                              for c in matrix.columns] for row in matrix.rows])
    return 0
