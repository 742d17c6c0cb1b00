"""The project's history of actions, read from the change journal (storage/undo_log.py).

Each journal step is one action: who did it (``coder``), when (``at``, UTC) and what
(``label``), and the rows it changed. A step waiting to be undone is an action as it was done; a
step waiting to be redone was recorded by an undo, so it is listed as that undo (its rows are what
the undo changed). Which entities changed is read from the journal's own columns, cascades
included (see services/changes.changes_from_journal); names are looked up where the entity still
exists, the UUID is always given.

The journal keeps what undo and redo need, so this history holds the last 200 actions; an
undone action is listed as its undo, and that undo goes when a new action clears what could be
redone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from workbench.core.services.changes import Changes, EntityRef, changes_from_journal
from workbench.core.storage import Project
from workbench.core.storage.undo_log import step_journal

GROUPS = ("created", "updated", "deleted")
# The name a researcher knows an entity of each kind by: SQL giving (uuid, name) for some UUIDs.
_NAMES = {
    "case": "SELECT uuid, name FROM case_ WHERE uuid IN ({})",
    "attribute": "SELECT uuid, name FROM attribute WHERE uuid IN ({})",
    "document": "SELECT uuid, title FROM document WHERE uuid IN ({})",
    "code": "SELECT uuid, name FROM code WHERE uuid IN ({})",
    "memo": "SELECT uuid, title FROM memo WHERE uuid IN ({})",
    "coder": "SELECT uuid, name FROM coder WHERE uuid IN ({})",
    "audit": "SELECT uuid, action FROM audit_entry WHERE uuid IN ({})",
    # A coding and a summary are named by their code and where they are: "Code · Document".
    "coding": "SELECT coding.uuid, code.name || ' · ' || document.title FROM coding "
              "JOIN code ON code.id = coding.code_id "
              "JOIN document ON document.id = coding.document_id WHERE coding.uuid IN ({})",
    "summary": "SELECT matrix_summary.uuid, code.name || ' · ' || case_.name FROM matrix_summary "
               "JOIN code ON code.id = matrix_summary.code_id "
               "JOIN case_ ON case_.id = matrix_summary.case_id WHERE matrix_summary.uuid IN ({})",
}
_CHUNK = 500  # UUIDs per name query (SQLite allows at least 999 parameters)


@dataclass(frozen=True)
class ChangedEntity:
    kind: str  # case, attribute, document, code, coding, memo, coder, summary, audit
    uuid: str
    name: str  # "" when the entity no longer exists


@dataclass(frozen=True)
class HistoryEntry:
    """One action in the project's history."""

    step: int  # the journal's step number: later actions have larger numbers
    at: datetime | None  # UTC; None for steps recorded before project format 4
    coder: str  # "" when not recorded
    action: str  # the action's label, e.g. "Delete document"
    undo: bool  # True: this entry is the undo of ``action``
    created: tuple[ChangedEntity, ...]
    updated: tuple[ChangedEntity, ...]
    deleted: tuple[ChangedEntity, ...]

    def count(self, group: str) -> dict[str, int]:
        """How many entities of each kind one group (created, updated, deleted) holds."""
        counts: dict[str, int] = {}
        for entity in getattr(self, group):
            counts[entity.kind] = counts.get(entity.kind, 0) + 1
        return counts


# A step as the journal names it. Step ids can come back (an undone step's id is given to the
# next step), so the key holds its direction and time too; a recorded step never changes.
StepKey = tuple[int, str, str | None]


def project_history(project: Project, *, coder: str | None = None,
                    since: datetime | None = None, limit: int | None = None,
                    name_at_most: int | None = None,
                    read: MutableMapping[StepKey, Changes] | None = None) -> list[HistoryEntry]:
    """The actions the journal holds, newest first.

    ``coder`` keeps one coder's actions (any case), ``since`` those at or after a UTC
    time (naive: UTC), ``limit`` the newest that many. ``name_at_most``: look names up only
    where a step changed at most that many entities of a kind (a view that counts the rest).
    ``read`` keeps the steps' row changes between calls, so a view that follows the project
    reads each step's journal once (one bulk action can journal tens of thousands of rows).
    """
    with project.reading() as session:
        return _history(session.connection(), coder, since, limit, name_at_most,
                        {} if read is None else read)


def _history(connection: Connection, coder: str | None, since: datetime | None,
             limit: int | None, name_at_most: int | None,
             read: MutableMapping[StepKey, Changes]) -> list[HistoryEntry]:
    query = "SELECT id, label, direction, coder, at FROM undo_step"
    parameters: tuple[str, ...] = ()
    if since is not None:
        query += " WHERE at >= ?"  # the journal's times are text that sorts as time
        parameters = (_stamp(since),)
    steps = connection.exec_driver_sql(query + " ORDER BY id DESC", parameters).all()
    if coder is not None:  # in Python: SQLite's lower() leaves "Ë" as it is
        wanted = coder.casefold()
        steps = [step for step in steps if (step[3] or "").casefold() == wanted]
    if limit is not None:
        steps = steps[:max(limit, 0)]
    records = []
    for step_id, _label, direction, _who, at in steps:
        key = (step_id, direction, at)
        if key not in read:
            read[key] = changes_from_journal(step_journal(connection, step_id))
        records.append(read[key])
    names = _names(connection, _to_name(records, name_at_most))
    return [HistoryEntry(step=step_id, at=_parse(at), coder=who or "", action=label,
                         undo=direction == "redo",
                         **{group: _named(getattr(record, group), names) for group in GROUPS})
            for (step_id, label, direction, who, at), record in zip(steps, records, strict=True)]


def _to_name(records: list[Changes], at_most: int | None) -> Iterator[EntityRef]:
    for record in records:
        for group in GROUPS:
            refs: tuple[EntityRef, ...] = getattr(record, group)
            if at_most is None or len(refs) <= at_most:
                yield from refs
            else:
                for kind in {ref.kind for ref in refs}:
                    if record.count(kind, group) <= at_most:
                        yield from (ref for ref in refs if ref.kind == kind)


def _named(refs: tuple[EntityRef, ...], names: dict[tuple[str, str], str]
           ) -> tuple[ChangedEntity, ...]:
    return tuple(ChangedEntity(ref.kind, ref.uuid, names.get((ref.kind, ref.uuid), ""))
                 for ref in refs)


def _names(connection: Connection, refs: Iterable[EntityRef]) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[str]] = {}
    for ref in refs:
        if ref.kind in _NAMES and ref.uuid:
            wanted.setdefault(ref.kind, set()).add(ref.uuid)
    found: dict[tuple[str, str], str] = {}
    for kind, uuids in wanted.items():
        ordered = sorted(uuids)
        for begin in range(0, len(ordered), _CHUNK):
            chunk = ordered[begin:begin + _CHUNK]
            sql = _NAMES[kind].format(", ".join("?" * len(chunk)))
            for uuid, name in connection.exec_driver_sql(sql, tuple(chunk)):
                found[(kind, uuid)] = name or ""
    return found


def _stamp(moment: datetime) -> str:
    """The journal's own text form of a UTC time (ISO 8601 with milliseconds and a Z)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.removesuffix("Z"))

