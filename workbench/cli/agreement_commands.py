"""The agreement command: how consistently coders applied the codebook."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import open_for_reading
from workbench.cli.output import one_line, print_json, print_table
from workbench.core.analysis.agreement import AgreementReport, AgreementSettings, agreement_report
from workbench.core.analysis.agreement.bootstrap import DEFAULT_RESAMPLES
from workbench.core.analysis.agreement.formatting import (
    KIND_NAMES,
    display_label,
    notes,
    percent,
    report_as_data,
    segments,
    with_interval,
)
from workbench.core.analysis.agreement.segments import DEFAULT_OVERLAP
from workbench.core.errors import WorkbenchError
from workbench.core.exporters.agreement_docx import write_agreement_docx
from workbench.core.exporters.agreement_xlsx import write_agreement_xlsx
from workbench.core.queries.resolve import resolve_code

FORMATS = ("xlsx", "docx")


def register(commands: argparse._SubParsersAction) -> None:
    agreement = commands.add_parser(
        "agreement", help="inter-coder agreement: percent, kappa, alpha, segments")
    agreement.add_argument("project", type=Path)
    agreement.add_argument("--coders", nargs="+", required=True, metavar="NAME",
                           help="two or more coders")
    agreement.add_argument("--codes", nargs="+", metavar="CODE",
                           help="only these codes (and their sub-codes); default: all")
    agreement.add_argument("--overlap", type=float, default=DEFAULT_OVERLAP, metavar="SHARE",
                           help="share of a segment another coder must cover (default 0.9)")
    agreement.add_argument("--seed", type=int, help="bootstrap seed, for reproducible intervals")
    agreement.add_argument("--resamples", type=int, default=DEFAULT_RESAMPLES, metavar="N",
                           help="bootstrap resamples (default 1000; 0: no intervals)")
    agreement.add_argument("--no-autocodes", action="store_true",
                           help="leave out codings made by an autocoding rule (hand coding only)")
    agreement.add_argument("--disagreements", action="store_true",
                           help="also list the passages the coders disagree on")
    agreement.add_argument("--json", action="store_true")
    agreement.add_argument("--format", choices=FORMATS, help="write a report file (with -o)")
    agreement.add_argument("-o", "--output", type=Path, metavar="FILE")
    agreement.set_defaults(run=run_agreement)


def run_agreement(arguments: argparse.Namespace) -> int:
    form = _format(arguments)
    with open_for_reading(arguments.project) as project, project.reading() as session:
        code_ids = None
        if arguments.codes:
            code_ids = [resolve_code(session, typed).id for typed in arguments.codes]
        report = agreement_report(session, AgreementSettings(
            arguments.coders, code_ids, overlap=arguments.overlap, resamples=arguments.resamples,
            seed=arguments.seed, without_autocodes=arguments.no_autocodes))
    if form is not None:
        _export(report, form, arguments.output)
        print(f"Wrote {arguments.output}.")
        return 0
    if arguments.json:
        print_json(report_as_data(report))
        return 0
    _print_report(report, arguments.disagreements)
    return 0


def _format(arguments: argparse.Namespace) -> str | None:
    if arguments.output is None:
        if arguments.format:
            raise WorkbenchError(f"--format {arguments.format} needs -o FILE.")
        return None
    form = arguments.format or arguments.output.suffix.lstrip(".").lower()
    if form not in FORMATS:
        raise WorkbenchError(f"{arguments.output}: write .xlsx or .docx (or give --format).")
    return form


def _export(report: AgreementReport, form: str, path: Path) -> None:
    (write_agreement_xlsx if form == "xlsx" else write_agreement_docx)(report, path)


def _print_report(report: AgreementReport, list_disagreements: bool) -> None:
    print(f"Coders: {', '.join(report.coders)}. {len(report.documents)} document(s) compared, "
          f"{report.all_coders_documents} coded by every coder; segments matched at "
          f"{report.overlap:.0%} overlap.")
    rows = report.rows()
    print_table(["", "code / case", "characters", "agreement", "kappa [95% CI]",
                 "alpha [95% CI]", "segments matched"],
                [(KIND_NAMES[r.kind], one_line(display_label(r), 60), r.characters,
                  percent(r.percent),
                  with_interval(r.kappa), with_interval(r.alpha),
                  ", ".join(segments(s) for s in r.segments)) for r in rows])
    for r in rows:
        if notes(r):
            print(f"  {one_line(r.label, 60)}: {notes(r)}")
    for case, document, coder in report.left_out:
        print(f"Left out (coded by {coder} only): {case} · {document}")
    if list_disagreements:
        for d in report.disagreements:
            print(f"\n{d.reference}  {d.code}")
            for coder, passage in zip(report.coders, d.passages, strict=True):
                shown = "(did not code this document)" if passage is None else passage or "—"
                print(f"    {coder}: {one_line(shown, 150)}")
    print(f"{len(report.disagreements)} passage(s) disagreed on"
          f"{'' if list_disagreements else ' (list them with --disagreements)'}.")
