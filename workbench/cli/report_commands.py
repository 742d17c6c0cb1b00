"""The ``report`` command: the whole coding report as one Word file."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import open_for_reading
from workbench.cli.parser import UsageError
from workbench.core.analysis.spec import CELL_MODES, COLUMN_LEVELS, MatrixSpec
from workbench.core.charts import CHART_KINDS
from workbench.core.exporters.options import ExportOptions

DEFAULT_MATRICES = ("count", "row_percent", "passages")


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help="the whole report to Word: matrices, charts, agreement, codebook",
        description="Write one Word report: a title page, a table of contents, the chosen "
                    "matrices as numbered tables, the charts as numbered figures, the agreement "
                    "section and the codebook appendix.")
    report.add_argument("project", type=Path)
    report.add_argument("-o", "--output", type=Path, metavar="FILE.docx", required=True)
    report.add_argument("--title", default="", help="the title page's title")
    report.add_argument("--columns", choices=COLUMN_LEVELS, default="themes",
                        help="the matrices' columns (default: themes)")
    report.add_argument("--by", metavar="ATTRIBUTE", help="group the cases by this attribute")
    report.add_argument("--matrix", action="append", choices=CELL_MODES, metavar="MODE",
                        help="a matrix view to include; repeat (default: count, row_percent, "
                             "passages)")
    report.add_argument("--chart", action="append", choices=CHART_KINDS, metavar="KIND",
                        help=f"a chart to include ({', '.join(CHART_KINDS)}); repeat "
                             "(default: all)")
    report.add_argument("--no-charts", action="store_true")
    report.add_argument("--no-cooccurrence", action="store_true")
    report.add_argument("--no-agreement", action="store_true")
    report.add_argument("--no-codebook", action="store_true")
    report.add_argument("--coders", nargs="+", metavar="NAME",
                        help="the coders compared in the agreement section (default: all)")
    report.add_argument("--seed", type=int, default=1, help="bootstrap seed (default 1)")
    report.add_argument("--paper", choices=("a4", "letter"),
                        help="default: from your locale (A4 outside the US)")
    report.add_argument("--merge-quotes", action="store_true",
                        help="one quotation for a passage several coders coded alike")
    report.set_defaults(run=run_report)


def run_report(arguments: argparse.Namespace) -> int:
    # python-docx, pandas and the analysis load only when a report is written (fast start-up)
    from workbench.core.exporters.report_docx import ReportSettings, write_report

    if arguments.output.suffix.lower() != ".docx":
        raise UsageError("the report is a Word file: give -o FILE.docx")
    settings = ReportSettings(
        spec=MatrixSpec(arguments.columns, by=arguments.by),
        matrices=tuple(arguments.matrix or DEFAULT_MATRICES),
        cooccurrence=not arguments.no_cooccurrence,
        charts=() if arguments.no_charts else tuple(arguments.chart or CHART_KINDS),
        agreement_coders=() if arguments.no_agreement else (
            tuple(arguments.coders) if arguments.coders else None),
        seed=arguments.seed, codebook=not arguments.no_codebook, title=arguments.title,
        options=ExportOptions(arguments.paper, arguments.merge_quotes))
    with open_for_reading(arguments.project) as project:
        path = write_report(project, arguments.output, settings)
    print(f"Wrote the report to {path}.")
    return 0
