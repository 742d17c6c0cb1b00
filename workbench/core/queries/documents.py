"""Listing documents with their case, source and structure; a document's speaker turns."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from workbench.core.model import Case, Document, Memo, SpeakerTurn

IMPORT_MEMO_TITLE = "Import"  # the memo, written by no coder, saying what an import left out


@dataclass(frozen=True)
class DocumentDescription:
    id: int
    uuid: str
    case: str
    kind: str
    title: str
    source: str
    encoding: str
    words: int
    speaker_turns: int
    recorded_on: date | None
    interviewer: str
    participants: list[str] = field(default_factory=list)
    text: str | None = None
    import_note: str = ""


@dataclass(frozen=True)
class TurnRow:
    position: int
    speaker: str
    label_start: int
    start: int
    end: int
    timestamp: str
    milliseconds: int | None


def describe_documents(session: Session, *, case_id: int | None = None,
                   with_text: bool = False) -> list[DocumentDescription]:
    """Documents in the researcher's order (case, then document), with their turn counts."""
    turns = (select(SpeakerTurn.document_id, func.count().label("turns"))
             .group_by(SpeakerTurn.document_id).subquery())
    query = (
        select(Document.id, Document.uuid, Case.name, Document.kind, Document.title,
               Document.source_name, Document.encoding, Document.word_count,
               func.coalesce(turns.c.turns, 0), Document.recorded_on, Document.interviewer,
               Document.participants_json, Document.text if with_text else Document.id,
               _import_note())
        .join(Case, Document.case_id == Case.id)
        .outerjoin(turns, turns.c.document_id == Document.id)
        .order_by(Case.position, Case.id, Document.position, Document.id)
    )
    if case_id is not None:
        query = query.where(Document.case_id == case_id)
    return [
        DocumentDescription(id=row[0], uuid=row[1], case=row[2], kind=str(row[3].value),
                            title=row[4], source=row[5], encoding=row[6], words=row[7],
                            speaker_turns=row[8], recorded_on=row[9], interviewer=row[10],
                            participants=json.loads(row[11]),
                            text=row[12] if with_text else None, import_note=row[13] or "")
        for row in session.execute(query)
    ]


def _import_note() -> ScalarSelect[str]:
    return (select(Memo.text)
            .where(Memo.document_id == Document.id, Memo.title == IMPORT_MEMO_TITLE,
                   Memo.author_id.is_(None))
            .order_by(Memo.id).limit(1).correlate(Document).scalar_subquery())


def speaker_turns(session: Session, document_id: int) -> list[TurnRow]:
    rows = session.execute(
        select(SpeakerTurn.position, SpeakerTurn.speaker, SpeakerTurn.label_start,
               SpeakerTurn.start, SpeakerTurn.end, SpeakerTurn.timestamp,
               SpeakerTurn.milliseconds)
        .where(SpeakerTurn.document_id == document_id).order_by(SpeakerTurn.position))
    return [TurnRow(*row) for row in rows]
