"""Listing codings with their case, document, coder, code path and the coded text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from workbench.core.model import Case, Code, Coder, Coding, Document
from workbench.core.queries.code_tree import code_paths


@dataclass(frozen=True)
class CodingRow:
    id: int
    uuid: str
    case: str
    document_id: int
    document: str
    code_id: int
    code: str
    coder: str
    start: int
    end: int
    text: str
    memo: str
    rule: str | None = None  # the autocoding rule that made it; None: coded by hand


def list_codings(session: Session, *, code_ids: Iterable[int] | None = None,
                 case_id: int | None = None, document_id: int | None = None,
                 coder_ids: Iterable[int] | None = None) -> list[CodingRow]:
    """Codings in reading order (case, document, position), the coded text cut out by SQLite."""
    text = func.substr(Document.text, Coding.start + 1, Coding.end - Coding.start)
    query = (
        select(Coding.id, Coding.uuid, Case.name, Document.id, Document.title, Coding.code_id,
               Coder.name, Coding.start, Coding.end, text, Coding.memo,
               Coding.rule)
        .join(Document, Coding.document_id == Document.id)
        .join(Case, Document.case_id == Case.id)
        .join(Coder, Coding.coder_id == Coder.id)
        .order_by(Case.position, Document.position, Coding.start, Coding.end, Coding.id)
    )
    if code_ids is not None:
        query = query.where(Coding.code_id.in_(list(code_ids)))
    if case_id is not None:
        query = query.where(Document.case_id == case_id)
    if document_id is not None:
        query = query.where(Coding.document_id == document_id)
    if coder_ids is not None:
        query = query.where(Coding.coder_id.in_(list(coder_ids)))
    paths = code_paths(session)
    return [
        CodingRow(id=row[0], uuid=row[1], case=row[2], document_id=row[3], document=row[4],
                  code_id=row[5], code=paths.get(row[5], "?"), coder=row[6], start=row[7],
                  end=row[8], text=row[9], memo=row[10], rule=row[11])
        for row in session.execute(query)
    ]


def coding_counts(session: Session) -> dict[int, int]:
    """Number of codings per code id (codes without codings are absent)."""
    return dict(session.execute(_counts_statement()).all())


def codes_of_codings(session: Session, coding_ids: Iterable[int]) -> dict[int, int]:
    """The code of each of these codings (those that exist), by coding id."""
    return dict(session.execute(_codes_of_statement(), {"ids": list(coding_ids)}).all())


def counts_of_codes(session: Session, code_ids: Iterable[int]) -> dict[int, int]:
    """Number of codings of each of these codes (0 included): after a coding action, the
    codes it touched are recounted over their index entries, not every coding."""
    wanted = list(code_ids)
    counts = dict.fromkeys(wanted, 0)
    counts.update(session.execute(_counts_of_statement(), {"codes": wanted}).all())
    return counts


@cache
def _codes_of_statement() -> Select:
    return select(Coding.id, Coding.code_id).where(Coding.id.in_(bindparam("ids", expanding=True)))


@cache
def _counts_of_statement() -> Select:
    return (select(Coding.code_id, func.count())
            .where(Coding.code_id.in_(bindparam("codes", expanding=True)))
            .group_by(Coding.code_id))


@cache
def _counts_statement() -> Select:
    """Built once: the codebook asks after every coding action, and building the statement
    took longer than SQLite's count over an index."""
    return select(Coding.code_id, func.count()).group_by(Coding.code_id)


def code_ids_with_name(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Code.id, Code.name)).all())
