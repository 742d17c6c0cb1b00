"""Commands for coding: code, codings, search."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from workbench.cli.opening import add_backup_option, open_for_reading, open_for_writing
from workbench.cli.output import one_line, print_json, print_table
from workbench.core.queries.code_tree import subtree_ids
from workbench.core.queries.codings import list_codings
from workbench.core.queries.resolve import resolve_case, resolve_code, resolve_document


def register(commands: argparse._SubParsersAction) -> None:
    code = commands.add_parser("code", help="code a passage of a document")
    code.add_argument("project", type=Path)
    code.add_argument(
        "--document", required=True, metavar="DOC", help="document id or unique title"
    )
    code.add_argument("--code", required=True, metavar="CODE",
                      help="code id, unique name, or Theme/Sub-code path")
    code.add_argument("--start", required=True, type=int, metavar="N",
                      help="first character (0-based, Unicode code points)")
    code.add_argument("--end", required=True, type=int, metavar="N", help="end (exclusive)")
    code.add_argument("--coder", help="coder name (default: $WORKBENCH_CODER, else your login)")
    code.add_argument("--memo", default="")
    add_backup_option(code)
    code.set_defaults(run=run_code)

    codings = commands.add_parser("codings", help="list coded passages")
    codings.add_argument("project", type=Path)
    codings.add_argument("--code", metavar="CODE", help="only this code (and its sub-codes)")
    codings.add_argument("--case", metavar="NAME", help="only this case")
    codings.add_argument("--json", action="store_true")
    codings.set_defaults(run=run_codings)

    search = commands.add_parser("search", help="full-text search over the documents")
    search.add_argument("project", type=Path)
    search.add_argument("query", help='words, "a phrase", prefix*, OR, NOT')
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=run_search)


def current_coder(explicit: str | None) -> str:
    return explicit or os.environ.get("WORKBENCH_CODER") or getpass.getuser()


def run_code(arguments: argparse.Namespace) -> int:
    from workbench.core.services.codings import apply_code  # only this command writes

    with open_for_writing(arguments) as project:
        with project.reading() as session:
            document = resolve_document(session, arguments.document)
            code = resolve_code(session, arguments.code)
        changes = apply_code(project, document.id, code.id, arguments.start, arguments.end,
                             coder=current_coder(arguments.coder), memo=arguments.memo)
    print(changes.message)
    return 0


def run_codings(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project, project.reading() as session:
        code_ids = None
        if arguments.code:
            code_ids = subtree_ids(session, resolve_code(session, arguments.code).id)
        case_id = resolve_case(session, arguments.case).id if arguments.case else None
        rows = list_codings(session, code_ids=code_ids, case_id=case_id)
    if arguments.json:
        print_json(rows)
        return 0
    print_table(["case", "document", "start", "end", "coder", "code", "text"],
                [(r.case, r.document, r.start, r.end, r.coder, r.code, one_line(r.text, 70))
                 for r in rows])
    print(f"{len(rows)} coding(s).")
    return 0


def run_search(arguments: argparse.Namespace) -> int:
    from workbench.core.queries.search import search_documents

    with open_for_reading(arguments.project) as project, project.reading() as session:
        hits = search_documents(session, arguments.query, limit=arguments.limit)
    if arguments.json:
        print_json(hits)
        return 0
    for hit in hits:
        print(f"{hit.case} / {hit.document} (document {hit.document_id})")
        print(f"    {one_line(hit.snippet, 200)}")
    print(f"{len(hits)} document(s) match.")
    return 0
