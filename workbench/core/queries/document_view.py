"""What the document view shows: one document's text and its codings with their codes' colours."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from workbench.core.errors import NotFoundError
from workbench.core.model import Case, Code, Coder, Coding, Document, SpeakerTurn


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
    carry thousands of codings). The statements are built once: building one costs more than
    SQLite takes to answer it for the few codings of a coding action.
    """
    everything, some = _statements()
    if coding_ids is None:
        rows = session.connection().execute(everything, {"document": document_id})
    else:
        rows = session.connection().execute(
            some, {"document": document_id, "ids": list(coding_ids)})
    return list(map(ViewCoding._make, rows.all()))


@cache
def _statements() -> tuple[Select, Select]:
    """The query for a document's codings, and for some of them (``ids``)."""
    everything = (
        select(Coding.id, Coding.code_id, Code.name, Code.colour, Coder.name, Coding.memo,
               Coding.start, Coding.end)
        .join(Code, Coding.code_id == Code.id).join(Coder, Coding.coder_id == Coder.id)
        .where(Coding.document_id == bindparam("document"))
        .order_by(Coding.start, Coding.end, Coding.id))
    return everything, everything.where(Coding.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class TurnLabel:
    """Where a stored turn's label shows the speaker and its time, brackets included (code
    points, half-open; the time's span is empty when the label has none)."""

    speaker: str
    timestamp: str
    speaker_start: int
    speaker_end: int
    time_start: int
    time_end: int


def turn_labels(session: Session, document_id: int, text: str) -> list[TurnLabel]:
    """The labels of the document's stored speaker turns, and nothing else: the view marks
    exactly what the import recognised as turns."""
    rows = session.execute(
        select(SpeakerTurn.speaker, SpeakerTurn.timestamp, SpeakerTurn.label_start,
               SpeakerTurn.start)
        .where(SpeakerTurn.document_id == document_id).order_by(SpeakerTurn.position))
    return [_label(text, *row) for row in rows]


def _label(text: str, speaker: str, timestamp: str, label_start: int, start: int) -> TurnLabel:
    label = text[label_start:start]
    name = re.search(r"\s+".join(map(re.escape, speaker.split())), label)
    if name is not None:
        speaker_start, speaker_end = label_start + name.start(), label_start + name.end()
    else:  # not written as stored (never from our importers): mark the whole label
        speaker_start = label_start
        speaker_end = label_start + len(label.rstrip(" \t\n:"))
    time_start = label.find(timestamp) if timestamp else -1
    if time_start < 0:
        return TurnLabel(speaker, timestamp, speaker_start, speaker_end, start, start)
    time_end = time_start + len(timestamp)
    bracketed = label[time_start - 1:time_start] in ("[", "(")
    if bracketed and label[time_end:time_end + 1] in ("]", ")"):
        time_start, time_end = time_start - 1, time_end + 1  # the brackets go with the time
    return TurnLabel(speaker, timestamp, speaker_start, speaker_end,
                     label_start + time_start, label_start + time_end)
