"""The project's history of actions, read from the append-only action log (format 6; see
storage/undo_log.py and docs/architecture.md "Change journal").

Each logged action says who did it (``coder``), when (``at``, UTC) and what (``label``), whether
it was an action, an undo or a redo, and which entities it created, updated and deleted (kind
and UUID), cascades included. Names are looked up where the entity still exists; the UUID is
always given. Nothing is ever removed from the log: undoing an action adds an entry ("Undo:
..."), it does not take one away, and the undo limit (200 steps) does not reach it.

A project upgraded from an older format starts its log with the steps its undo log still held
(``copied``): what was done before them was not recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from workbench.core.storage import Project

GROUPS = ("created", "updated", "deleted")
KINDS = ("case", "attribute", "document", "code", "coding", "memo", "coder", "summary", "audit")
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

    step: int  # the action's number in the log: later actions have larger numbers
    at: datetime | None  # UTC; None for steps recorded before project format 4
    coder: str  # "" when not recorded
    action: str  # the action's label, e.g. "Delete document"
    undo: bool  # True: this entry is the undo of ``action``
    created: tuple[ChangedEntity, ...]
    updated: tuple[ChangedEntity, ...]
    deleted: tuple[ChangedEntity, ...]
    redo: bool = False  # True: this entry is the redo of ``action`` (after its undo)
    copied: bool = False  # recorded before format 6: copied from the undo log at the upgrade

    @property
    def title(self) -> str:
        """``Undo: Delete document``, ``Redo: ...`` or the action's own label."""
        return f"Undo: {self.action}" if self.undo else \
            f"Redo: {self.action}" if self.redo else self.action

    def count(self, group: str) -> dict[str, int]:
        """How many entities of each kind one group (created, updated, deleted) holds."""
        counts: dict[str, int] = {}
        for entity in getattr(self, group):
            counts[entity.kind] = counts.get(entity.kind, 0) + 1
        return counts


# What the log holds for one action: (kind, uuid, group) per entity, in the order first changed.
# A logged action never changes, so a view may keep these for as long as it likes.
Logged = tuple[tuple[str, str, str], ...]


def project_history(project: Project, *, coder: str | None = None,
                    since: datetime | None = None, until: datetime | None = None,
                    kind: str | None = None, limit: int | None = None,
                    name_at_most: int | None = None,
                    read: MutableMapping[int, Logged] | None = None) -> list[HistoryEntry]:
    """The actions the log holds, newest first.

    ``coder`` keeps one coder's actions (any case), ``since`` and ``until`` those at or after,
    and before, a UTC time (naive: UTC), ``kind`` those that changed an entity of that kind
    (see :data:`KINDS`), ``limit`` the newest that many. ``name_at_most``: look names up only
    where an action changed at most that many entities of a kind (a view that counts the rest).
    ``read`` keeps each action's entities between calls, so a view that follows the project
    reads each action once (one bulk action can change tens of thousands of entities).
    """
    with project.reading() as session:
        return _history(session.connection(), coder, since, until, kind, limit, name_at_most,
                        {} if read is None else read)


def history_coders(project: Project) -> list[str]:
    """Every coder the log names, in alphabetical order (for a filter's choices)."""
    with project.reading() as session:
        found = session.connection().exec_driver_sql(
            "SELECT DISTINCT coder FROM action_log WHERE coder IS NOT NULL").scalars()
        return sorted(found, key=str.casefold)


def entity_names(project: Project, entities: Iterable[tuple[str, str]]
                 ) -> dict[tuple[str, str], str]:
    """Today's names of some (kind, uuid) entities; those no longer in the project are left out.
    (A view that counted a large group names its members when asked.)"""
    with project.reading() as session:
        return _names(session.connection(), entities)


def _history(connection: Connection, coder: str | None, since: datetime | None,
             until: datetime | None, kind: str | None, limit: int | None,
             name_at_most: int | None, read: MutableMapping[int, Logged]) -> list[HistoryEntry]:
    query = "SELECT id, kind, label, coder, at, copied FROM action_log WHERE 1"
    parameters: list[str] = []
    if since is not None:
        query += " AND at >= ?"  # the log's times are text that sorts as time
        parameters.append(_stamp(since))
    if until is not None:
        query += " AND at < ?"
        parameters.append(_stamp(until))
    if kind is not None:
        query += (" AND EXISTS (SELECT 1 FROM action_entity AS entity "
                  "WHERE entity.action_id = action_log.id AND entity.kind = ?)")
        parameters.append(kind)
    actions = connection.exec_driver_sql(query + " ORDER BY id DESC", tuple(parameters)).all()
    if coder is not None:  # in Python: SQLite's lower() leaves "Ë" as it is
        wanted = coder.casefold()
        actions = [action for action in actions if (action[3] or "").casefold() == wanted]
    if limit is not None:
        actions = actions[:max(limit, 0)]
    _read_entities(connection, [action[0] for action in actions if action[0] not in read], read)
    logged = [read[action[0]] for action in actions]
    names = _names(connection, _to_name(logged, name_at_most))
    return [HistoryEntry(step=number, at=_parse(at), coder=who or "", action=label,
                         undo=what == "undo", redo=what == "redo", copied=bool(copied),
                         **{group: _named(entities, group, names) for group in GROUPS})
            for (number, what, label, who, at, copied), entities in zip(actions, logged,
                                                                       strict=True)]


def _read_entities(connection: Connection, actions: list[int],
                   read: MutableMapping[int, Logged]) -> None:
    found: dict[int, list[tuple[str, str, str]]] = {action: [] for action in actions}
    for begin in range(0, len(actions), _CHUNK):
        chunk = actions[begin:begin + _CHUNK]
        for action, kind, uuid, op in connection.exec_driver_sql(
                "SELECT action_id, kind, uuid, op FROM action_entity WHERE action_id IN ({}) "
                "ORDER BY action_id, seq".format(", ".join("?" * len(chunk))), tuple(chunk)):
            found[action].append((kind, uuid, op))
    for action, entities in found.items():
        read[action] = tuple(entities)


def _to_name(logged: list[Logged], at_most: int | None) -> Iterator[tuple[str, str]]:
    """(kind, uuid) of the entities to name: in each action and group, the kinds that hold at
    most ``at_most`` entities (all of them when None)."""
    for entities in logged:
        if at_most is None:
            yield from ((kind, uuid) for kind, uuid, _group in entities)
            continue
        counts: dict[tuple[str, str], int] = {}
        for kind, _uuid, group in entities:
            counts[(kind, group)] = counts.get((kind, group), 0) + 1
        yield from ((kind, uuid) for kind, uuid, group in entities
                    if counts[(kind, group)] <= at_most)


def _named(entities: Logged, group: str, names: dict[tuple[str, str], str]
           ) -> tuple[ChangedEntity, ...]:
    return tuple(ChangedEntity(kind, uuid, names.get((kind, uuid), ""))
                 for kind, uuid, op in entities if op == group)


def _names(connection: Connection, refs: Iterable[tuple[str, str]]
           ) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[str]] = {}
    for kind, uuid in refs:
        if kind in _NAMES and uuid:
            wanted.setdefault(kind, set()).add(uuid)
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
    """The log's own text form of a UTC time (ISO 8601 with milliseconds and a Z)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.removesuffix("Z"))

