"""Commands on documents: import files and folders into a case, list the documents."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from pathlib import Path

from workbench.cli.opening import add_backup_option, open_for_reading, open_for_writing
from workbench.cli.output import print_json, print_table
from workbench.cli.usage import UsageError
from workbench.core.importers.guess_kind import guess_kind
from workbench.core.importers.job import (
    DocumentDetails,
    FileOutcome,
    expand_sources,
    import_files,
)
from workbench.core.importers.registry import DEFAULT_SIZE_LIMIT, supported_suffixes
from workbench.core.importers.text_limit import DEFAULT_MAX_CHARACTERS
from workbench.core.jobs import JobControl
from workbench.core.model import DocumentKind
from workbench.core.queries.documents import describe_documents
from workbench.core.queries.resolve import resolve_case


def register(commands: argparse._SubParsersAction) -> None:
    imp = commands.add_parser(
        "import", help="import transcripts and fieldnotes into a case",
        description=f"Import files ({' '.join(supported_suffixes())}) and folders (searched "
                    "recursively) into a case. Prints one line per file and a summary; exits "
                    "with status 1 when any file failed.")
    imp.add_argument("project", type=Path)
    imp.add_argument("--case", required=True, help="the case (it must exist)")
    imp.add_argument(
        "--kind",
        default="interview",
        choices=[k.value for k in DocumentKind] + [GUESS],
        help="the documents' kind (default: %(default)s); 'guess': each file's own, "
        "from its name (veldnotitie, interview, ...) or else its content",
    )
    imp.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                     help="date of the interview or observation (default: from each file)")
    imp.add_argument("--interviewer", default="", help="default: each file's author, if any")
    imp.add_argument("--participant", action="append", default=[], metavar="NAME",
                     help="a participant; repeat for several")
    imp.add_argument("--max-size", type=float, default=DEFAULT_SIZE_LIMIT / 1048576, metavar="MB",
                     help="refuse files larger than this (default: %(default).0f MB)")
    imp.add_argument("--max-text", type=int, default=DEFAULT_MAX_CHARACTERS, metavar="CHARACTERS",
                     help="refuse a file whose text is longer (default: %(default)d characters)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files or folders")
    add_backup_option(imp)
    imp.set_defaults(run=run_import)

    documents = commands.add_parser("documents", help="list the documents of a project")
    documents.add_argument("project", type=Path)
    documents.add_argument("--case", metavar="NAME", help="only this case")
    documents.add_argument("--json", action="store_true")
    documents.add_argument("--text", action="store_true", help="also print each stored text")
    documents.set_defaults(run=run_documents)


GUESS = "guess"


def run_import(arguments: argparse.Namespace) -> int:
    guessing = arguments.kind == GUESS
    details = DocumentDetails(kind="interview" if guessing else arguments.kind,
                              recorded_on=arguments.date, interviewer=arguments.interviewer,
                              participants=tuple(arguments.participant))
    per_file = {path: dataclasses.replace(details, kind=guess_kind(path).kind)
                for path in expand_sources(arguments.files)} if guessing else None
    with open_for_writing(arguments) as project:
        with project.reading() as session:
            case = resolve_case(session, arguments.case)
        report = import_files(project, case.id, arguments.files, details=details,
                              per_file=per_file, control=JobControl(),
                              size_limit=int(arguments.max_size * 1048576),
                              max_characters=arguments.max_text)
    for outcome in report.outcomes:
        print(result_line(outcome))
    print(f"Summary: {report.summary}.")
    return 1 if report.with_status("failed") else 0


def result_line(outcome: FileOutcome) -> str:
    """``status  path: reason``, without naming the file twice."""
    message = outcome.message.removeprefix(f"{outcome.path.name}: ")
    return f"{outcome.status:<9} {outcome.path}: {message}"


def run_documents(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project, project.reading() as session:
        case_id = resolve_case(session, arguments.case).id if arguments.case else None
        rows = describe_documents(session, case_id=case_id, with_text=arguments.text)
    if arguments.json:
        records = [dataclasses.asdict(row) for row in rows]
        if not arguments.text:
            for record in records:
                del record["text"]
        print_json(records)
        return 0
    if arguments.text:
        for row in rows:
            print(f"== {row.id}  {row.case} / {row.title}  ({row.source or '-'}, {row.kind}, "
                  f"{row.words} words, {row.speaker_turns} speaker turns)")
            print(row.text)
            print()
        return 0
    print_table(["id", "case", "kind", "title", "source", "encoding", "words", "turns"],
                [(r.id, r.case, r.kind, r.title, r.source or "-", r.encoding or "-", r.words,
                  r.speaker_turns) for r in rows])
    for row in rows:
        if row.import_note:
            print(f"{row.id}: {row.import_note}")
    print(f"{len(rows)} document(s).")
    return 0


def _date(typed: str) -> date:
    try:
        return date.fromisoformat(typed)
    except ValueError:
        raise UsageError(f"--date expects YYYY-MM-DD, got '{typed}'") from None
