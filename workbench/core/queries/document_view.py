"""What the document view shows: one document's text and its codings with their codes' colours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import NotFoundError
from workbench.core.model import Case, Code, Coder, Coding, Document


@dataclass(frozen=True)
class DocumentForView:
    id: int
    title: str
    case: str
    kind: str
    word_count: int
    text: str


def load_document(session: Session, document_id: int) -> DocumentForView:
    row = session.execute(
        select(Document.id, Document.title, Case.name, Document.kind, Document.word_count,
               Document.text).join(Case, Document.case_id == Case.id)
        .where(Document.id == document_id)).first()
    if row is None:
        raise NotFoundError(f"There is no document with id {document_id} in this project.")
    return DocumentForView(row[0], row[1], row[2], str(row[3].value), row[4], row[5])


class ViewCoding(NamedTuple):  # a tuple: thousands are made each time a document opens
    id: int
    code_id: int
    code: str
    colour: str
    coder: str
    memo: str
    start: int
    end: int


def document_codings(session: Session, document_id: int,
                     coding_ids: Iterable[int] | None = None) -> list[ViewCoding]:
    """The document's codings (or just ``coding_ids`` of them) with code name, colour and coder.

    Leaner than list_codings: the view draws from positions, so the coded text is not cut out,
    and rows come straight from the connection (no ORM row processing: a long transcript may
    carry thousands of codings).
    """
    query = (
        select(Coding.id, Coding.code_id, Code.name, Code.colour, Coder.name, Coding.memo,
               Coding.start, Coding.end)
        .join(Code, Coding.code_id == Code.id).join(Coder, Coding.coder_id == Coder.id)
        .where(Coding.document_id == document_id).order_by(Coding.start, Coding.end, Coding.id))
    if coding_ids is not None:
        query = query.where(Coding.id.in_(list(coding_ids)))
    return list(map(ViewCoding._make, session.connection().execute(query).all()))
