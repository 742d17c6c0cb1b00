"""Writing codings: one coding per stretch of a code by a coder in a document.

The joining rule (:func:`join_runs`) is the one rule every path keeps: codings of one code by one
coder in one document that overlap or touch are joined into one, whose memo holds each memo once
and whose rule names each autocoding rule once. Of stored rows joined, the oldest stays (it keeps
its identity and the memos written on it) and takes the joined extent. A service joins one group
of ORM rows (:func:`coalesce`); the merge and bulk coding join many new rows with each other and
with the stored ones they meet before writing, in a few statements (:func:`store_joined`); the
``.qdpx`` import, into an empty project, joins and inserts (:func:`join_overlapping`,
:func:`insert_codings`).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar, cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from workbench.core.model import Coding, new_uuid, utc_now
from workbench.core.queries.coding_neighbours import touching_group

Group = tuple[int, int, int]  # document id, code id, coder id


class Span(Protocol):
    start: int
    end: int
    memo: str
    rule: str | None


S = TypeVar("S", bound=Span)


def joined_memo(first: str, second: str) -> str:
    """The memo of two joined codings: each memo once, in the order they were written."""
    if not second or second in first:
        return first
    return "\n".join(part for part in (first, second) if part)


def joined_rule(first: str | None, second: str | None) -> str | None:
    """The rule of two joined codings: a passage partly made by a rule counts as autocoded
    (its extent came from the rule), so agreement without autocodings leaves it out."""
    if not first or not second or second in first.split("\n"):
        return first or second
    return f"{first}\n{second}"


def join_runs(spans: Iterable[S]) -> list[tuple[S, list[S]]]:
    """Each keeper with the spans joined into it, for spans of one group sorted by start.

    A keeper's end, memo and rule are changed in place to cover what was joined into it.
    """
    runs: list[tuple[S, list[S]]] = []
    for span in spans:
        if runs and span.start <= runs[-1][0].end:
            keeper, joined = runs[-1]
            keeper.end = max(keeper.end, span.end)
            keeper.memo = joined_memo(keeper.memo, span.memo)
            keeper.rule = joined_rule(keeper.rule, span.rule)
            joined.append(span)
        else:
            runs.append((span, []))
    return runs


# -- one group of ORM rows (a service's action) ------------------------------------------------

def coalesce(session: Session, document_id: int, code_id: int, coder_id: int, *,
             around: tuple[int, int] | None = None) -> list[tuple[Coding, list[Coding]]]:
    """Join the stored codings of one group; returns each coding that took others in, with the
    codings deleted into it. As in :func:`store_joined`, the oldest row of a run stays.

    ``around``: the passage of the one coding just stored in a group that was joined before it;
    only the codings that touch it, directly or through each other, are read.
    """
    query = select(Coding).where(Coding.document_id == document_id, Coding.code_id == code_id,
                                 Coding.coder_id == coder_id)
    if around is not None:
        query = query.where(Coding.id.in_(
            touching_group(session, document_id, code_id, coder_id, *around)))
    codings = session.scalars(query.order_by(Coding.start, Coding.created_at, Coding.id)).all()
    changed = []
    for keeper, joined in join_runs(codings):
        if not joined:
            continue
        survivor = min((keeper, *joined), key=lambda coding: coding.id)
        others = [coding for coding in (keeper, *joined) if coding is not survivor]
        extent = (keeper.start, keeper.end, keeper.memo, keeper.rule)
        for coding in others:
            session.delete(coding)
        survivor.start, survivor.end, survivor.memo, survivor.rule = extent
        changed.append((survivor, others))
    session.flush()
    return changed


# -- many new rows (import, merge, bulk coding) ------------------------------------------------

@dataclass
class NewCoding:
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str = ""
    uuid: str = field(default_factory=new_uuid)
    created_at: datetime | None = None
    aliases: list[str] = field(default_factory=list)  # uuids of codings joined into this one
    rule: str | None = None  # the autocoding rule that made it; None: coded by hand

    def __post_init__(self) -> None:
        self.memo = self.memo.strip()

    @property
    def group(self) -> Group:
        return (self.document_id, self.code_id, self.coder_id)


def join_overlapping(codings: Iterable[NewCoding]) -> list[NewCoding]:
    """The new codings with those of one group that overlap or touch joined (before storing)."""
    groups: dict[Group, list[NewCoding]] = defaultdict(list)
    for coding in codings:
        groups[coding.group].append(coding)
    kept: list[NewCoding] = []
    for members in groups.values():
        members.sort(key=lambda c: (c.start, c.end))
        for keeper, joined in join_runs(members):
            for coding in joined:
                keeper.aliases += [coding.uuid, *coding.aliases]
            kept.append(keeper)
    return kept


_CODING = cast(Table, Coding.__table__)  # declared as a FromClause
_INSERT_HEAD = ('INSERT INTO coding (id, uuid, document_id, code_id, coder_id, start, "end", memo, '
                "created_at, rule) VALUES ")
_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def insert_codings(session: Session, codings: Sequence[NewCoding]) -> dict[str, int]:
    """Insert the codings, many rows a statement; every uuid (aliases too) -> its row id.

    The rows get the ids SQLite would give them (after the highest), written out so the ids are
    known without ``RETURNING``: bulk paths (import, merge, bulk coding) store thousands of
    codings, and building each row through the ORM cost more than the insert itself. Inside
    the write transaction no other writer can take those ids. Hundreds of rows a statement,
    not an ``executemany`` of one row each: every statement run starts the journal's trigger
    afresh, which took half the insert's time.
    """
    session.flush()  # pending ORM rows take their ids first
    connection = session.connection()
    # The dialect's own conversion, so the text stored is the ORM's ("2026-01-31 09:05:00.000000").
    when = _CODING.c.created_at.type.dialect_impl(connection.dialect).bind_processor(
        connection.dialect) or (lambda value: value)
    now = utc_now()
    first = (connection.exec_driver_sql("SELECT max(id) FROM coding").scalar() or 0) + 1
    ids: dict[str, int] = {}
    rows = []
    for number, c in enumerate(codings, start=first):
        ids[c.uuid] = number
        rows.append((number, c.uuid, c.document_id, c.code_id, c.coder_id, c.start, c.end,
                     c.memo, when(c.created_at or now), c.rule))
    raw = connection.connection.driver_connection
    assert raw is not None  # an open connection holds its sqlite3 connection
    per_statement = max(1, min(500, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 10))
    for at in range(0, len(rows), per_statement):
        chunk = rows[at:at + per_statement]
        connection.exec_driver_sql(_INSERT_HEAD + ", ".join([_ROW] * len(chunk)),
                                   tuple(value for row in chunk for value in row))
    for coding in codings:
        for alias in coding.aliases:
            ids[alias] = ids[coding.uuid]
    return ids



@dataclass
class _Row:
    id: int
    start: int
    end: int
    memo: str
    rule: str | None


@dataclass
class Stored:
    """What :func:`store_joined` wrote."""

    ids: dict[str, int]  # every new coding's uuid (aliases too) -> the row that holds it
    inserted: list[NewCoding]  # the new codings that got a row of their own
    deleted: dict[int, int]  # a stored coding joined into another -> that one's id


def store_joined(session: Session, codings: Iterable[NewCoding], *,
                 meets: Callable[[NewCoding], bool] | None = None) -> Stored:
    """Store new codings joined with each other and with the stored ones they overlap or touch.

    Of stored rows joined, the oldest stays (it keeps its identity and the memos written on it)
    and takes the joined extent; a new coding joined into a stored one gets no row. One
    statement per batch of reads, deletes, updates and inserts. A caller that knows which new
    codings meet a stored one (it read them already) says so with ``meets``: only those
    codings' groups are read again.
    """
    session.flush()  # ORM changes to stored codings first: they are read below without the ORM
    new_by_group: dict[Group, list[NewCoding]] = defaultdict(list)
    inserted: list[NewCoding] = []
    for coding in join_overlapping(codings):
        if meets is None or meets(coding):
            new_by_group[coding.group].append(coding)
        else:
            inserted.append(coding)
    stored = _stored_rows(session, set(new_by_group))
    targets: dict[str, int] = {}
    changed: list[dict[str, object]] = []
    deleted: dict[int, int] = {}
    for group, new in new_by_group.items():
        rows = stored.get(group, [])
        before = {row.id: (row.start, row.end, row.memo, row.rule) for row in rows}
        spans: list[_Row | NewCoding] = sorted([*rows, *new],
                                               key=lambda span: (span.start,
                                                                 isinstance(span, NewCoding)))
        for keeper, joined in join_runs(spans):
            members = [keeper, *joined]
            old = [span for span in members if isinstance(span, _Row)]
            if not old:
                inserted.append(cast(NewCoding, keeper))  # no stored row: a new one
                continue
            survivor = min(old, key=lambda row: row.id)
            extent = (keeper.start, keeper.end, keeper.memo, keeper.rule)
            deleted.update((row.id, survivor.id) for row in old if row is not survivor)
            for span in members:
                if isinstance(span, NewCoding):
                    targets.update(dict.fromkeys([span.uuid, *span.aliases], survivor.id))
            if before[survivor.id] != extent:
                changed.append(dict(zip(("_id", "_start", "_end", "_memo", "_rule"),
                                        (survivor.id, *extent), strict=True)))
    _write_joins(session, changed, deleted)
    ids = insert_codings(session, inserted)
    ids.update(targets)
    return Stored(ids, inserted, deleted)


def _stored_rows(session: Session, groups: set[Group]) -> dict[Group, list[_Row]]:
    """The stored codings of the groups, each group's in order of start (then age)."""
    found: dict[Group, list[_Row]] = defaultdict(list)
    documents = sorted({group[0] for group in groups})
    table = _CODING.c
    for chunk in range(0, len(documents), 500):  # by document: the index leads with it
        for row in session.execute(
                select(table.document_id, table.code_id, table.coder_id, table.id, table.start,
                       table.end, table.memo, table.rule)
                .where(table.document_id.in_(documents[chunk:chunk + 500]))
                .order_by(table.start, table.created_at, table.id)).all():
            if (row[0], row[1], row[2]) in groups:
                found[(row[0], row[1], row[2])].append(_Row(*row[3:]))
    return found


def _write_joins(session: Session, changed: list[dict[str, object]],
                 deleted: dict[int, int]) -> None:
    table = _CODING.c
    ids = sorted(deleted)
    for chunk in range(0, len(ids), 500):
        session.execute(delete(_CODING).where(table.id.in_(ids[chunk:chunk + 500])))
    if changed:
        session.execute(update(_CODING).where(table.id == bindparam("_id")).values(
            start=bindparam("_start"), end=bindparam("_end"), memo=bindparam("_memo"),
            rule=bindparam("_rule")), changed)


def insert_coding(session: Session, new: NewCoding) -> Coding:
    """Store one coding as an ORM row (a service's action; join it with :func:`coalesce`)."""
    coding = Coding(uuid=new.uuid, document_id=new.document_id, code_id=new.code_id,
                    coder_id=new.coder_id, start=new.start, end=new.end, memo=new.memo,
                    created_at=new.created_at or utc_now(), rule=new.rule)
    session.add(coding)
    session.flush()
    return coding
