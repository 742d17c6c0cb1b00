"""The audit trail: ``workbench history PROJECT`` lists who did what, and when, newest first,
from the project's append-only action log."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.opening import open_for_reading
from workbench.cli.output import one_line, print_json, print_table
from workbench.cli.usage import UsageError

# The entity kinds the log names (workbench.core.services.audit_trail.KINDS, not imported here
# so that --help stays quick).
KINDS = ("case", "attribute", "document", "code", "coding", "memo", "coder", "summary", "audit")

if TYPE_CHECKING:
    from workbench.core.services.audit_trail import ChangedEntity, HistoryEntry

PLURALS = {"summary": "summaries", "audit": "audit entries"}
VERBS = {"created": "added", "updated": "changed", "deleted": "removed"}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "history", help="who did what, and when (the project's action log)",
        description="Lists every action done in the project, newest first: when (your clock), "
                    "who, what, and which cases, documents, codes, codings, ... each action "
                    "added, changed and removed. Undo and redo are actions too ('Undo: Delete "
                    "document'); nothing is ever taken out of the log. A project made before "
                    "format 6 starts with the last 200 actions it had kept for undo.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--json", action="store_true",
                        help="print JSON (times in UTC; every entity with its UUID)")
    parser.add_argument("--coder", metavar="NAME", help="only this coder's actions")
    parser.add_argument("--since", metavar="DATE",
                        help="only actions at or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM, "
                             "your clock)")
    parser.add_argument("--until", metavar="DATE",
                        help="only actions before DATE (same forms as --since; a date alone "
                             "means its start)")
    parser.add_argument("--kind", choices=KINDS,
                        help="only actions that added, changed or removed an entity of this kind")
    parser.add_argument("--limit", type=int, metavar="N", help="only the newest N actions")
    parser.set_defaults(run=run_history)


def run_history(arguments: argparse.Namespace) -> int:
    from workbench.core.services.audit_trail import project_history

    since = _moment("--since", arguments.since) if arguments.since else None
    until = _moment("--until", arguments.until) if arguments.until else None
    if arguments.limit is not None and arguments.limit < 1:
        raise UsageError("--limit must be 1 or more")
    with open_for_reading(arguments.project) as project:
        history = project_history(project, coder=arguments.coder, since=since, until=until,
                                  kind=arguments.kind, limit=arguments.limit)
    if arguments.json:
        print_json([_as_json(entry) for entry in history])
    elif not history:
        filtered = arguments.coder or since or until or arguments.kind
        print(f"No actions recorded in {arguments.project.name}"
              + (" that match." if filtered else " yet."))
    else:
        print_table(["when", "coder", "action", "what changed"],
                    [(_local(entry.at), entry.coder or "?",
                      entry.title + (" *" if entry.copied else ""),
                      one_line(_what_changed(entry), 100))
                     for entry in history])
        if any(entry.copied for entry in history):
            print("* recorded before format 6: only the last 200 actions before the project "
                  "was upgraded are known, and an undone action only by its undo.")
    return 0


def _moment(option: str, text: str) -> datetime:
    """A date or time on the user's clock, as a UTC time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option}: '{text}' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") \
            from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the user's own time zone
    return moment.astimezone(UTC).replace(tzinfo=None)


def _local(moment: datetime | None) -> str:
    """The journal keeps UTC; people read their own clock."""
    if moment is None:
        return "unknown"
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _what_changed(entry: HistoryEntry) -> str:
    """``added document 'Interview', 2 codings; removed code 'Old'``."""
    parts = []
    for group, verb in VERBS.items():
        entities: tuple[ChangedEntity, ...] = getattr(entry, group)
        named = []
        for kind, count in entry.count(group).items():
            if count == 1:
                [one] = [entity for entity in entities if entity.kind == kind]
                named.append(f"{kind} '{one.name}'" if one.name else f"{kind} {one.uuid}")
            else:
                named.append(f"{count} {PLURALS.get(kind, kind + 's')}")
        if named:
            parts.append(f"{verb} {', '.join(named)}")
    return "; ".join(parts) or "nothing"


def _as_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "step": entry.step,
        "at": None if entry.at is None
        else entry.at.isoformat(timespec="milliseconds") + "Z",
        "coder": entry.coder,
        "action": entry.action,
        "undo": entry.undo,
        "redo": entry.redo,
        "recorded_before_format_6": entry.copied,
        **{group: [{"kind": entity.kind, "uuid": entity.uuid, "name": entity.name}
                   for entity in getattr(entry, group)] for group in VERBS},
    }
