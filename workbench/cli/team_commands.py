"""``workbench team ...``: a team project on a PostgreSQL server.

Only argparse at module level: the server driver (psycopg, through SQLAlchemy) is imported when
a team command runs, never by the parser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

_URL_HELP = "postgresql://USER@HOST:PORT/DATABASE (add ?sslmode=verify-full for TLS)"


def register(commands: argparse._SubParsersAction) -> None:
    team = commands.add_parser("team", help="a team project on a PostgreSQL server: publish, "
                                            "join, synchronise")
    actions = team.add_subparsers(title="team commands", metavar="ACTION", required=True,
                                  parser_class=type(team))
    publish = actions.add_parser("publish", help="make a team project on the server from a "
                                                 "local project (as an administrator)")
    publish.add_argument("project", type=Path)
    publish.add_argument("url", help=_URL_HELP)
    _add_backup_option(publish)
    publish.set_defaults(run=run_publish)
    coder = actions.add_parser("add-coder", help="create a coder's login and print its "
                                                 "one-time password")
    coder.add_argument("url", help=_URL_HELP + " (an administrator's)")
    coder.add_argument("name")
    coder.add_argument("--lead", action="store_true",
                       help="a lead may change the codebook and every document")
    coder.set_defaults(run=run_add_coder)
    join = actions.add_parser("join", help="make a new local project from a team project")
    join.add_argument("url", help=_URL_HELP)
    join.add_argument("project", type=Path, help="the new local project file")
    join.set_defaults(run=run_join)
    sync = actions.add_parser("sync", help="send this copy's changes, receive everyone else's")
    sync.add_argument("project", type=Path)
    sync.add_argument("--json", action="store_true")
    _add_backup_option(sync)
    sync.set_defaults(run=run_sync)
    status = actions.add_parser("status", help="synchronised, changes to send, offline or "
                                               "conflicts")
    status.add_argument("project", type=Path)
    status.add_argument("--offline", action="store_true",
                        help="do not ask the server (the conflicts are those of the last sync)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(run=run_status)
    conflicts = actions.add_parser("conflicts", help="list conflicting edits as of the last sync "
                                                     "(works offline), or flip one (online)")
    conflicts.add_argument("project", type=Path)
    conflicts.add_argument("--flip", type=int, metavar="ID",
                           help="take the value conflict ID lost instead, and synchronise")
    conflicts.add_argument("--json", action="store_true")
    _add_backup_option(conflicts)
    conflicts.set_defaults(run=run_conflicts)


def _add_backup_option(parser: argparse.ArgumentParser) -> None:
    # As workbench.cli.opening.add_backup_option, which imports the storage layer (SQLAlchemy).
    parser.add_argument("--keep-backups", type=int, metavar="N", default=argparse.SUPPRESS,
                        help="keep the newest N backups, one taken on opening "
                             "(default: $WORKBENCH_BACKUPS; 0: none)")


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)


def _open(arguments: argparse.Namespace) -> Any:
    from workbench.cli.opening import open_for_writing

    return open_for_writing(arguments, arguments.project)


def run_publish(arguments: argparse.Namespace) -> int:
    from workbench.core.team import api

    with _open(arguments) as project:
        published = api.publish_project(project, arguments.url, _progress)
    print(f"Published {published.entities} entities to {published.url}.")
    return 0


def run_add_coder(arguments: argparse.Namespace) -> int:
    from workbench.core.team import api

    password = api.add_coder_role(arguments.url, arguments.name, lead=arguments.lead)
    role = "lead" if arguments.lead else "coder"
    print(f"Created the {role} login '{arguments.name}'. Its password, shown only this once:")
    print(password)
    print("Give it to them privately; they keep it in ~/.pgpass (or the OS keyring) and may "
          "change it with \\password in psql.")
    return 0


def run_join(arguments: argparse.Namespace) -> int:
    from workbench.core.team import api

    report = api.join(arguments.url, arguments.project, _progress)
    print(f"Joined: {arguments.project} holds {report.pulled} entities of the team project.")
    return 0


def run_sync(arguments: argparse.Namespace) -> int:
    from workbench.cli.output import print_json
    from workbench.core.team import api

    with _open(arguments) as project:
        report = api.synchronise(project, _progress)
    if arguments.json:
        print_json({"pulled": report.pulled, "pushed": report.pushed,
                    "conflicts": report.conflicts, "refused": report.refused, "seq": report.seq})
        return 0
    print(f"Synchronised: received {report.pulled}, sent {report.pushed}, "
          f"{report.conflicts} new conflicts, {report.refused} changes not allowed (taken back).")
    for line in report.details:
        print(f"  {line}")
    return 0


def run_status(arguments: argparse.Namespace) -> int:
    from workbench.cli.opening import open_for_reading
    from workbench.cli.output import print_json
    from workbench.core.team import api

    with open_for_reading(arguments.project) as project:
        status = api.status(project, ask_server=not arguments.offline)
    if arguments.json:
        print_json(vars(status))
        return 0
    lines = {"not-linked": "not a team project",
             "synchronised": "synchronised",
             "changes": f"{status.pending} changes to send",
             "offline": f"offline ({status.message}); {status.pending} changes to send",
             "conflicts": f"{status.conflicts} conflicts to review; "
                          f"{status.pending} changes to send"}
    print(lines[status.state])
    if status.url:
        print(f"server: {status.url} as {status.user}; last sync: {status.synced_at or 'never'}")
    return 0


def run_conflicts(arguments: argparse.Namespace) -> int:
    from workbench.cli.output import print_json
    from workbench.core.team import api

    if arguments.flip is not None:
        with _open(arguments) as project:
            api.flip(project, arguments.flip, _progress)
        print(f"Conflict {arguments.flip} flipped and synchronised.")
        return 0
    from workbench.cli.opening import open_for_reading

    with open_for_reading(arguments.project) as project:
        found = api.conflicts(project)
        synced_at = api.last_synchronised(project)
    if arguments.json:
        print_json([vars(conflict) for conflict in found])
        return 0
    # Read from the project file: what the server listed when this copy last synchronised.
    when = f"as of the last sync, {synced_at}" if synced_at else "never synchronised"
    if not found:
        print(f"No conflicts ({when}).")
    else:
        print(f"Conflicts ({when}; `workbench team sync` brings the list up to date):")
    for c in found:
        mark = " (flipped)" if c.flipped else ""
        print(f"{c.id}  {c.kind} {c.uuid} {c.field}: kept {api.describe(c.kept)!r} "
              f"({c.kept_by}), lost {api.describe(c.lost)!r} ({c.lost_by or '?'}){mark}")
    return 0
