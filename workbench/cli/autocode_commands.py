"""The autocode command: code every passage a rule finds, after an optional preview."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import add_backup_option

SCOPES = ("hit", "sentence", "paragraph", "turn")


def register(commands: argparse._SubParsersAction) -> None:
    autocode = commands.add_parser(
        "autocode", help="code every turn of some speakers, every hit of a search, or every "
                         "section under a heading, in one undoable step")
    autocode.add_argument("project", type=Path)
    autocode.add_argument("--code", required=True, metavar="CODE",
                          help="code id, unique name, or Theme/Sub-code path")
    rule = autocode.add_mutually_exclusive_group(required=True)
    rule.add_argument("--speaker", nargs="+", metavar="NAME",
                      help="every turn of these speakers (case and accents ignored)")
    rule.add_argument("--speaker-pattern", metavar="RE",
                      help="every turn of the speakers whose whole name matches RE")
    rule.add_argument("--query", metavar="Q",
                      help='every hit of a full-text search (words, "a phrase", prefix*, OR)')
    rule.add_argument("--regex", metavar="RE",
                      help="every match of a regular expression (case ignored)")
    rule.add_argument("--heading", metavar="RE",
                      help="every section under a heading that RE matches (the headings Word, "
                           "OpenDocument and HTML mark, else short lines standing alone)")
    autocode.add_argument("--scope", choices=SCOPES, default="hit",
                          help="with --query/--regex: code the hit, its sentence, its paragraph "
                               "or its speaker turn (default: hit)")
    autocode.add_argument("--case", nargs="+", metavar="NAME", default=[],
                          help="only the documents of these cases")
    autocode.add_argument("--document", nargs="+", metavar="DOC", default=[],
                          help="only these documents (id or unique title)")
    autocode.add_argument("--coder", help="coder name (default: $WORKBENCH_CODER, else your login)")
    autocode.add_argument("--preview", action="store_true",
                          help="print how many passages would be coded, and a sample; "
                               "change nothing")
    autocode.add_argument("--json", action="store_true")
    add_backup_option(autocode)
    autocode.set_defaults(run=run_autocode)


def _rule(arguments: argparse.Namespace):
    from workbench.core.autocode import Scope, SpeakerRule, StructureRule, TextRule
    from workbench.core.errors import WorkbenchError

    if arguments.scope != "hit" and not (arguments.query or arguments.regex):
        raise WorkbenchError("--scope goes with --query or --regex.")
    if arguments.speaker:
        return SpeakerRule(speakers=tuple(arguments.speaker))
    if arguments.speaker_pattern is not None:
        return SpeakerRule(pattern=arguments.speaker_pattern)
    if arguments.heading is not None:
        return StructureRule(heading=arguments.heading)
    return TextRule(query=arguments.query or "", regex=arguments.regex or "",
                    scope=Scope(arguments.scope))


def run_autocode(arguments: argparse.Namespace) -> int:
    from workbench.cli.coding_commands import current_coder
    from workbench.cli.opening import open_for_reading, open_for_writing
    from workbench.core.autocode import Target, preview_autocode
    from workbench.core.queries.resolve import resolve_case, resolve_code, resolve_document
    from workbench.core.services.autocoding import autocode

    rule = _rule(arguments)
    with (open_for_reading(arguments.project) if arguments.preview
          else open_for_writing(arguments)) as project:
        with project.reading() as session:
            code = resolve_code(session, arguments.code)
            target = Target(
                document_ids=tuple(resolve_document(session, d).id for d in arguments.document),
                case_ids=tuple(resolve_case(session, c).id for c in arguments.case))
            # The action finds the same passages again; only a report needs them here.
            preview = preview_autocode(session, rule, target) if (
                arguments.preview or arguments.json) else None
        if preview is not None and arguments.preview:
            _print_preview(preview, code.name, arguments.json)
            return 0
        changes = autocode(project, rule, code.id, coder=current_coder(arguments.coder),
                           target=target)
    if preview is not None:
        from workbench.cli.output import print_json

        print_json({"rule": preview.rule, "code": code.name, "passages": preview.passages,
                    "documents": preview.documents, "codings_created": changes.count("coding"),
                    "message": changes.message})
        return 0
    print(changes.message)
    return 0


def _print_preview(preview, code: str, as_json: bool) -> None:
    from workbench.cli.output import one_line, print_json

    if as_json:
        print_json(preview)
        return
    print(f"{preview.rule}: {preview.passages} passage(s) in {preview.documents} of "
          f"{preview.searched} document(s) would be coded with '{code}'.")
    for sample in preview.sample:
        print(f"  {sample.reference}: {one_line(sample.text, 110)}")
    print("Nothing was changed (--preview).")
