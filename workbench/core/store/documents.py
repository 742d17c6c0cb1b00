"""Writing a document: its stored text and every row derived from it.

The stored text is NFC with ``\\n`` line ends; beside it go its hash and word count, its speaker
turns (those a reader found, or those detected in the stored text), its word and paragraph
layout and the headings its source marked. Every path that adds a document (the service the
import job calls, the ``.qdpx`` import, the project merge) stores it here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError
from workbench.core.model import Document, DocumentHeading, DocumentKind, DocumentLayout, new_uuid
from workbench.core.model.document_heading import locate_headings
from workbench.core.model.document_layout import layout_row
from workbench.core.speaker_turns import Turn, detect_turns
from workbench.core.text import clean_name, content_hash, normalise_text, word_count

INSERT_TURN_SQL = (
    'INSERT INTO speaker_turn (uuid, document_id, position, speaker, label_start, start, "end", '
    "timestamp, milliseconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass
class NewDocument:
    """A document to store. ``turns`` (positions in ``text``) are kept only when ``text`` is
    already in the stored form, so their positions hold; otherwise turns are detected.
    ``headings`` are (level, text) pairs, found in order as whole lines of the stored text."""

    case_id: int
    title: str
    text: str
    kind: DocumentKind | str = DocumentKind.INTERVIEW
    uuid: str | None = None
    source_name: str = ""
    encoding: str = ""
    recorded_on: date | None = None
    interviewer: str = ""
    participants: Sequence[str] = ()
    imported_at: datetime | None = None
    turns: Sequence[Turn] | None = None
    headings: Sequence[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class StoredText:
    """The checked title, stored text and kind of a new document, before any row is written."""

    title: str
    text: str
    kind: DocumentKind
    content_hash: str


def checked(new: NewDocument) -> StoredText:
    """The stored title, text and kind, or a :class:`DomainError` saying what is wrong."""
    title = clean_name(new.title)
    if not title:
        raise DomainError("A document needs a title.")
    stored = normalise_text(new.text)
    if not stored.strip():
        raise DomainError(f"The document '{title}' holds no text.")
    try:
        kind = DocumentKind(new.kind)
    except ValueError:
        raise DomainError(f"'{new.kind}' is not a document kind (interview, fieldnote or "
                          "other).") from None
    return StoredText(title, stored, kind, content_hash(stored))


def insert_document(session: Session, new: NewDocument, checked_text: StoredText | None = None,
                    position: int | None = None) -> tuple[Document, int]:
    """Store the document with its turns, layout and headings; returns it and its turn count.

    ``position`` defaults to after every document of the project.
    """
    text = checked_text or checked(new)
    if position is None:
        position = (session.scalar(select(func.max(Document.position))) or 0) + 1
    document = Document(
        case_id=new.case_id, kind=text.kind, title=text.title, text=text.text,
        source_name=new.source_name, encoding=new.encoding, content_hash=text.content_hash,
        word_count=word_count(text.text), recorded_on=new.recorded_on,
        interviewer=new.interviewer.strip(), participants_json=participants_json(new.participants),
        position=position, uuid=new.uuid or new_uuid())
    if new.imported_at is not None:
        document.imported_at = new.imported_at
    session.add(document)
    session.flush()
    turns = (list(new.turns) if new.turns is not None and text.text == new.text
             else detect_turns(text.text))
    connection = session.connection()
    if turns:
        # Plain executemany: a long transcript has hundreds of turns, and building each row
        # through SQLAlchemy would cost more than storing the document.
        connection.exec_driver_sql(INSERT_TURN_SQL, [
            (new_uuid(), document.id, number, turn.speaker, turn.label_start, turn.start,
             turn.end, turn.timestamp, turn.milliseconds) for number, turn in enumerate(turns)])
    connection.execute(insert(DocumentLayout), [layout_row(document.id, text.text)])
    located = locate_headings(text.text, new.headings)
    if located:
        connection.execute(insert(DocumentHeading), [
            {"document_id": document.id, "level": level, "start": start, "end": end}
            for level, start, end in located])
    return document, len(turns)


def participants_json(participants: Iterable[str]) -> str:
    return json.dumps([p.strip() for p in participants if p.strip()], ensure_ascii=False)
