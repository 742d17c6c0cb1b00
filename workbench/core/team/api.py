"""The one entry point to team projects for the window and the command line.

Every function takes an open :class:`Project` (or a path for :func:`join`) and returns a plain
dataclass. Nothing here touches Qt; :func:`synchronise` takes a progress callback and may run
in a worker thread (it opens its own connections).

Every function that talks to the server takes a keyword-only ``password`` (used for that call
only, never stored; without it libpq's password file or the OS keyring is asked). A refused
login raises :class:`TeamLoginError`, an unreachable server :class:`TeamOfflineError`, both
:class:`TeamError`. The conflict list is read from the project file (the copy the last sync
left), so :func:`conflicts` and :func:`status` without ``ask_server`` work offline.
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
from sqlalchemy.engine import URL

from workbench.core.errors import ProjectReadOnlyError
from workbench.core.storage import Project
from workbench.core.team import code_tree, conflict_cache, dirty, local_state
from workbench.core.team.apply import apply_plan
from workbench.core.team.conflict_cache import Conflict
from workbench.core.team.publish import Published, add_coder, publish
from workbench.core.team.rows import read_keys, read_rows
from workbench.core.team.server import (
    TeamError,
    TeamLoginError,
    TeamOfflineError,
    make_engine,
    parse_url,
    server_errors,
    stored_form,
)
from workbench.core.team.snapshot import Key, Reader, View
from workbench.core.team.sync import Progress, Synchroniser, SyncReport
from workbench.core.team.writer import LocalWriter

__all__ = ["Conflict", "Published", "Status", "SyncReport", "TeamError", "TeamLoginError",
           "TeamOfflineError", "add_coder_role", "check_server", "conflicts", "flip", "join",
           "last_synchronised", "publish_project", "status", "synchronise"]


@dataclass(frozen=True)
class Status:
    """Where a copy stands: ``state`` is one of not-linked, synchronised, changes, offline,
    conflicts (and, in the window, login: the server refused the login)."""

    state: str
    url: str | None
    user: str | None
    pending: int  # local changes not yet sent
    conflicts: int | None  # open conflicts the server listed at the last sync
    synced_at: str | None
    message: str = ""


def _link(project: Project) -> local_state.TeamLink:
    with project.reading() as session:
        link = local_state.read_link(session.connection())
    if link is None:
        raise TeamError(f"{project.path.name} is not linked to a team project "
                        "(workbench team publish or join)")
    return link


def _with_password(url: str, password: str | None) -> URL:
    """The address, with the password given for this call (it wins over one in the address)."""
    address = parse_url(url)
    return address.set(password=password) if password else address


def _linked_address(link: local_state.TeamLink, password: str | None) -> URL:
    address = parse_url(link.url).set(username=link.user)
    return address.set(password=password) if password else address


def publish_project(project: Project, url: str, progress: Progress | None = None, *,
                    password: str | None = None) -> Published:
    return publish(project, _with_password(url, password), progress)


def add_coder_role(url: str, name: str, *, lead: bool = False,
                   password: str | None = None) -> str:
    return add_coder(_with_password(url, password), name, lead=lead)


def join(url: str, path: str | Path, progress: Progress | None = None, *,
         password: str | None = None) -> SyncReport:
    """Make a new local project at ``path`` from the team project at ``url`` and pull it."""
    address = _with_password(url, password)
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
        # The conflict list as this push left it, kept in the file to be read offline.
        listed = conflict_cache.fetch(server)
    report = synchroniser.report
    with project.transaction("Synchronise") as session:
        local = session.connection()
        apply_plan(local, plan, report, datetime.now(UTC).isoformat(timespec="seconds"))
        conflict_cache.store(local, listed)
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


def status(project: Project, *, ask_server: bool = True, password: str | None = None) -> Status:
    """Where this copy stands. The conflicts are those the last sync found listed; with
    ``ask_server`` the server is asked whether it is there (state "offline" when it is not, or
    refuses the project); a refused login raises :class:`TeamLoginError`."""
    with project.reading() as session:
        connection = session.connection()
        link = local_state.read_link(connection)
        listed = conflict_cache.read(connection) if link is not None else []
    if link is None:
        return Status("not-linked", None, None, 0, None, None)
    pending = pending_changes(project)
    open_conflicts = sum(1 for conflict in listed if not conflict.flipped)
    message = ""
    if ask_server:
        try:
            check_server(project, password=password)
        except TeamLoginError:
            raise
        except TeamError as error:
            message = str(error)
    state = ("offline" if message else "conflicts" if open_conflicts else
             "changes" if pending else "synchronised")
    return Status(state, link.url, link.user, pending, open_conflicts, link.synced_at, message)


def check_server(project: Project, *, password: str | None = None) -> None:
    """Log in to the team server and look at the project there; raises :class:`TeamLoginError`,
    :class:`TeamOfflineError` or :class:`TeamError` when that fails. Changes nothing."""
    address = _linked_address(_link(project), password)
    engine = make_engine(address)
    try:
        with server_errors(address), engine.connect() as connection:
            if not connection.scalar(text("SELECT to_regclass('public.team_info') IS NOT NULL")):
                raise TeamError(f"{address.database} on the server holds no team project")
    finally:
        engine.dispose()


def conflicts(project: Project) -> list[Conflict]:
    """Every conflict the server listed when this copy last synchronised, oldest first (the
    same on every copy synchronised since). Read from the project file: works offline."""
    with project.reading() as session:
        connection = session.connection()
        if local_state.read_link(connection) is None:
            raise TeamError(f"{project.path.name} is not linked to a team project "
                            "(workbench team publish or join)")
        return conflict_cache.read(connection)


def last_synchronised(project: Project) -> str | None:
    """When this copy last synchronised (and so copied the conflict list); None: never."""
    return _link(project).synced_at


def flip(project: Project, conflict_id: int, progress: Progress | None = None, *,
         password: str | None = None) -> SyncReport:
    """Take the value a conflict lost instead of the one it kept, and synchronise. Needs the
    server: the conflict is looked up there (someone may have flipped it meanwhile)."""
    address = _linked_address(_link(project), password)
    engine = make_engine(address)
    try:
        with server_errors(address), engine.connect() as connection:
            found = {c.id: c for c in conflict_cache.fetch(connection)}.get(conflict_id)
        if found is None:
            raise TeamError(f"no conflict {conflict_id} on the team server")
        if found.field == "deleted" or found.lost is None:
            raise TeamError(f"conflict {conflict_id} lost a deletion or a whole row, which "
                            "cannot be flipped back; its value is listed to be re-entered by hand")
        with project.transaction("Take the other value of a conflict") as session:
            local = session.connection()
            mine = read_rows(local, (found.kind,))[found.kind].get(found.uuid)
            if mine is None:
                raise TeamError(f"the {found.kind} of conflict {conflict_id} no longer exists")
            if found.kind == "code" and found.field == "parent" and code_tree.closes_cycle(
                    code_tree.parents(local), found.uuid, found.lost):
                raise TeamError(f"conflict {conflict_id} cannot be flipped: the code would go "
                                "under one of its own sub-codes; move that one first")
            LocalWriter(local, lambda _kind, _uuid: False).apply(
                [(found.kind, found.uuid, {**mine, found.field: found.lost})])
        report = _sync(project, password, progress)
        with server_errors(address), engine.begin() as connection:
            connection.execute(text(
                "UPDATE conflict SET kept = lost, lost = kept, "
                "kept_by = coalesce(lost_by, kept_by), lost_by = kept_by, "
                "flipped = NOT flipped WHERE id = :id AND flipped = :was"),
                {"id": conflict_id, "was": found.flipped})
            listed = conflict_cache.fetch(connection)
    finally:
        engine.dispose()
    with project.transaction("Synchronise") as session:
        conflict_cache.store(session.connection(), listed)
    return report


def describe(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
