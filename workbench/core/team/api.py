"""The one entry point to team projects for the window and the command line.

Every function takes an open :class:`Project` (or a path for :func:`join`) and returns a plain
dataclass. Nothing here touches Qt; :func:`synchronise` takes a progress callback and may run
in a worker thread (it opens its own connections).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from workbench.core.errors import ProjectReadOnlyError
from workbench.core.storage import Project
from workbench.core.team import dirty, local_state
from workbench.core.team.apply import apply_plan
from workbench.core.team.publish import Published, add_coder, publish
from workbench.core.team.rows import read_keys, read_rows
from workbench.core.team.server import (
    TeamError,
    make_engine,
    parse_url,
    server_errors,
    stored_form,
)
from workbench.core.team.snapshot import Key, Reader, View
from workbench.core.team.sync import Progress, Synchroniser, SyncReport
from workbench.core.team.writer import LocalWriter

__all__ = ["Conflict", "Published", "Status", "SyncReport", "TeamError", "add_coder_role",
           "conflicts", "flip", "join", "publish_project", "status", "synchronise"]


@dataclass(frozen=True)
class Status:
    """Where a copy stands: ``state`` is one of not-linked, synchronised, changes, offline,
    conflicts."""

    state: str
    url: str | None
    user: str | None
    pending: int  # local changes not yet sent
    conflicts: int | None  # open conflicts on the server (None: not asked, or offline)
    synced_at: str | None
    message: str = ""


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str
    uuid: str
    field: str
    kept: Any
    lost: Any
    kept_by: str
    lost_by: str | None
    flipped: bool
    at: str


def _link(project: Project) -> local_state.TeamLink:
    with project.reading() as session:
        link = local_state.read_link(session.connection())
    if link is None:
        raise TeamError(f"{project.path.name} is not linked to a team project "
                        "(workbench team publish or join)")
    return link


def publish_project(project: Project, url: str, progress: Progress | None = None) -> Published:
    return publish(project, parse_url(url), progress)


def add_coder_role(url: str, name: str, *, lead: bool = False) -> str:
    return add_coder(parse_url(url), name, lead=lead)


def join(url: str, path: str | Path, progress: Progress | None = None) -> SyncReport:
    """Make a new local project at ``path`` from the team project at ``url`` and pull it."""
    address = parse_url(url)
    engine = make_engine(address)
    try:
        with server_errors(address), engine.connect() as connection:
            if not connection.scalar(text("SELECT to_regclass('public.team_info') IS NOT NULL")):
                raise TeamError(f"{address.database} on the server holds no team project")
            info: dict[str, str] = dict(connection.execute(
                text("SELECT key, value FROM team_info")).all())
            user = str(connection.scalar(text("SELECT current_user")))
    finally:
        engine.dispose()
    project = Project.create(path, name=info.get("name"))
    try:
        with project.transaction("Join a team project") as session:
            connection = session.connection()
            local_state.write_link(connection, stored_form(address), user)
            # The new file's own (empty) coder-less project takes the team project's identity.
            connection.exec_driver_sql("UPDATE project SET uuid = ?", (info.get("project"),))
        return _sync(project, address.password, progress)
    finally:
        project.close()


def synchronise(project: Project, progress: Progress | None = None, *,
                password: str | None = None) -> SyncReport:
    """Push this copy's changes and pull everyone else's (see :mod:`workbench.core.team.sync`)."""
    return _sync(project, password, progress)


def _sync(project: Project, password: str | None, progress: Progress | None) -> SyncReport:
    link = _link(project)
    if project.read_only_reason is not None:  # refused before the server takes anything
        raise ProjectReadOnlyError(f"{project.path.name} is open read-only because "
                                   f"{project.read_only_reason}; it was not synchronised.")
    address = parse_url(link.url).set(username=link.user)
    if password:
        address = address.set(password=password)
    engine = make_engine(address)
    try:
        # Connect before anything else: an unreachable server leaves the file untouched.
        with server_errors(address), engine.connect() as server:
            report = SyncReport()
            # A row held back by a name clash is renamed locally by the first round and sent
            # by the second, so one sync still settles everything it can.
            for _round in range(3):
                done, deferred = _round_trip(project, server, progress)
                report = _added(report, done)
                if not deferred:
                    break
    finally:
        engine.dispose()
    return report


def _round_trip(project: Project, server: Connection,
                progress: Progress | None) -> tuple[SyncReport, int]:
    """One snapshot, one server transaction, one short local write (see sync)."""
    link = _link(project)
    with project.reading() as session:
        full = not dirty.installed(session.connection())
    if full:  # linked before the marks existed: from now on they do (see dirty)
        with project.transaction("Synchronise") as session:
            dirty.install(session.connection())
    view = View.take(_reader(project), full=full)
    synchroniser = Synchroniser(view, server, link.user, progress)
    with server.begin():
        plan = synchroniser.run(link.pulled_seq)
    report = synchroniser.report
    with project.transaction("Synchronise") as session:
        local = session.connection()
        apply_plan(local, plan, report, datetime.now(UTC).isoformat(timespec="seconds"))
        # The rows pulled are not an action of this copy's user: not undoable.
        local.exec_driver_sql("DELETE FROM undo_statement WHERE step_id IS NULL")
    return report, synchroniser.deferred


def _added(total: SyncReport, more: SyncReport) -> SyncReport:
    return SyncReport(total.pulled + more.pulled, total.pushed + more.pushed,
                      total.conflicts + more.conflicts, total.refused + more.refused, more.seq,
                      total.details + more.details)


def _reader(project: Project) -> Reader:
    @contextmanager
    def read() -> Iterator[Connection]:
        with project.reading() as session:
            yield session.connection()
    return read


def pending_changes(project: Project) -> int:
    """Local changes (rows added, changed or deleted) not yet sent to the server."""
    with project.reading() as session:
        changed = _changed(session.connection())
    if changed is None:  # linked before the marks existed: compare every row
        return len(View.take(_reader(project), full=True).values)
    return len(changed)


def pending_keys(project: Project) -> tuple[set[Key], set[Key]] | None:
    """The (kind, UUID) of the entities with a change to send, read from the dirty marks, and
    of those the server holds (live); None for a file without the marks (linked before them,
    and not synchronised since)."""
    with project.reading() as session:
        connection = session.connection()
        changed = _changed(connection)
        return None if changed is None else (changed, local_state.live_keys(connection))


def _changed(connection: Connection) -> set[Key] | None:
    """The marked entities that differ from their base (None: no marks in this file)."""
    if not dirty.installed(connection):
        return None
    keys = dirty.marked(connection)
    current = read_keys(connection, keys)
    base = local_state.read_base_keys(connection, keys)
    return {key for key in keys if current.get(key) != (base[key][1] if key in base else None)}


def status(project: Project, *, ask_server: bool = True) -> Status:
    with project.reading() as session:
        link = local_state.read_link(session.connection())
    if link is None:
        return Status("not-linked", None, None, 0, None, None)
    pending = pending_changes(project)
    open_conflicts: int | None = None
    message = ""
    if ask_server:
        try:
            open_conflicts = sum(1 for c in conflicts(project) if not c.flipped)
        except TeamError as error:
            message = str(error)
    state = ("offline" if message else "conflicts" if open_conflicts else
             "changes" if pending else "synchronised")
    return Status(state, link.url, link.user, pending, open_conflicts, link.synced_at, message)


def conflicts(project: Project) -> list[Conflict]:
    """Every conflict listed on the server, oldest first (every copy lists the same)."""
    link = _link(project)
    address = parse_url(link.url).set(username=link.user)
    engine = make_engine(address)
    try:
        with server_errors(address), engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT id, kind, uuid::text, field, kept, lost, kept_by, lost_by, flipped, "
                "to_char(at, 'YYYY-MM-DD HH24:MI:SS') FROM conflict ORDER BY id")).all()
    finally:
        engine.dispose()
    return [Conflict(*row) for row in rows]


def flip(project: Project, conflict_id: int, progress: Progress | None = None) -> SyncReport:
    """Take the value a conflict lost instead of the one it kept, and synchronise."""
    found = {c.id: c for c in conflicts(project)}.get(conflict_id)
    if found is None:
        raise TeamError(f"no conflict {conflict_id} on the team server")
    if found.field == "deleted" or found.lost is None:
        raise TeamError(f"conflict {conflict_id} lost a deletion or a whole row, which cannot be "
                        "flipped back; its value is listed to be re-entered by hand")
    with project.transaction("Take the other value of a conflict") as session:
        connection = session.connection()
        mine = read_rows(connection, (found.kind,))[found.kind].get(found.uuid)
        if mine is None:
            raise TeamError(f"the {found.kind} of conflict {conflict_id} no longer exists")
        LocalWriter(connection, lambda _kind, _uuid: False).apply(
            [(found.kind, found.uuid, {**mine, found.field: found.lost})])
    report = _sync(project, None, progress)
    link = _link(project)
    address = parse_url(link.url).set(username=link.user)
    engine = make_engine(address)
    try:
        with server_errors(address), engine.begin() as connection:
            connection.execute(text(
                "UPDATE conflict SET kept = lost, lost = kept, "
                "kept_by = coalesce(lost_by, kept_by), "
                "lost_by = kept_by, flipped = NOT flipped WHERE id = :id"), {"id": conflict_id})
    finally:
        engine.dispose()
    return report


def describe(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
