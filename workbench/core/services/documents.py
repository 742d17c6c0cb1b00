"""Documents: added from text (normalised), renamed, moved between cases, deleted."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, insert, select

from workbench.core.errors import DomainError
from workbench.core.importers.speaker_turns import Turn, detect_turns
from workbench.core.model import Case, Coding, Document, DocumentKind, Memo, new_uuid
from workbench.core.model.document_heading import DocumentHeading, locate_headings
from workbench.core.queries.documents import IMPORT_MEMO_TITLE
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.lookup import get
from workbench.core.storage import Project
from workbench.core.text import clean_name, content_hash, normalise_text, word_count

INSERT_TURN_SQL = (
    'INSERT INTO speaker_turn (uuid, document_id, position, speaker, label_start, start, "end", '
    "timestamp, milliseconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class DuplicateDocumentError(DomainError):
    """The case already holds a document with exactly this text."""


def add_document(project: Project, case_id: int, title: str, text: str, *,
                 kind: DocumentKind | str = DocumentKind.INTERVIEW, source_name: str = "",
                 encoding: str = "", recorded_on: date | None = None, interviewer: str = "",
                 participants: Iterable[str] = (), turns: Sequence[Turn] | None = None,
                 headings: Iterable[tuple[int, str]] = (), import_note: str = "") -> Changes:
    """Store a document's text (NFC, ``\\n`` line ends) in a case; the full-text index follows.

    Speaker turns found in the stored text are stored with it, in the same transaction; ``turns``
    given by the reader (positions in ``text``) are stored instead when ``text`` is already in
    the stored form, so their positions hold. The ``headings`` (level, text) its source file
    marked are found in the stored text and stored too, and so is ``import_note`` (what the
    reader left out of the file) as the document's import memo.
    """
    log = ChangeLog()
    title = clean_name(title)
    if not title:
        raise DomainError("A document needs a title.")
    stored = normalise_text(text)
    if not stored.strip():
        raise DomainError(f"The document '{title}' holds no text.")
    try:
        kind = DocumentKind(kind)
    except ValueError:
        raise DomainError(
            f"'{kind}' is not a document kind (interview, fieldnote or other)."
        ) from None
    digest = content_hash(stored)
    turns = list(turns) if turns is not None and stored == text else detect_turns(stored)
    with project.transaction("Add document") as session:
        case = get(session, Case, case_id)
        twin = session.scalar(
            select(Document).where(Document.case_id == case.id, Document.content_hash == digest)
        )
        if twin is not None:
            raise DuplicateDocumentError(
                f"'{title}' is already in case '{case.name}' as '{twin.title}' (same text); "
                "skipped."
            )
        position = (session.scalar(select(func.max(Document.position))) or 0) + 1
        document = Document(
            case_id=case.id, kind=kind, title=title, text=stored, source_name=source_name,
            encoding=encoding, content_hash=digest, word_count=word_count(stored),
            recorded_on=recorded_on, interviewer=interviewer.strip(),
            participants_json=json.dumps([p.strip() for p in participants if p.strip()],
                                         ensure_ascii=False),
            position=position,
        )
        session.add(document)
        session.flush()
        if turns:
            # Plain executemany: a long transcript has hundreds of turns, and building each
            # row through SQLAlchemy would cost more than storing the document.
            session.connection().exec_driver_sql(INSERT_TURN_SQL, [
                (new_uuid(), document.id, number, turn.speaker, turn.label_start, turn.start,
                 turn.end, turn.timestamp, turn.milliseconds)
                for number, turn in enumerate(turns)])
        located = locate_headings(stored, headings)
        if located:
            session.execute(insert(DocumentHeading), [
                {"document_id": document.id, "level": level, "start": start, "end": end}
                for level, start, end in located])
        log.create(document)
        if import_note:
            memo = Memo(title=IMPORT_MEMO_TITLE, text=import_note, document_id=document.id)
            session.add(memo)
            session.flush()
            log.create(memo)
    found = f" ({len(turns)} speaker turns)" if turns else ""
    return log.freeze(f"Added document '{title}' to case '{case.name}'{found}.")


def rename_document(project: Project, document_id: int, title: str) -> Changes:
    log = ChangeLog()
    title = clean_name(title)
    if not title:
        raise DomainError("A document needs a title.")
    with project.transaction("Rename document") as session:
        document = get(session, Document, document_id)
        old, document.title = document.title, title
        log.update(document)
    return log.freeze(f"Renamed document '{old}' to '{title}'.")


def set_document_metadata(project: Project, document_id: int, *,
                          kind: DocumentKind | str | None = None,
                          recorded_on: date | None = None, interviewer: str | None = None,
                          participants: Iterable[str] | None = None) -> Changes:
    """Change the kind, date, interviewer or participants (``None`` leaves a field as it is)."""
    log = ChangeLog()
    with project.transaction("Edit document details") as session:
        document = get(session, Document, document_id)
        if kind is not None:
            try:
                document.kind = DocumentKind(kind)
            except ValueError:
                raise DomainError(f"'{kind}' is not a document kind.") from None
        if recorded_on is not None:
            document.recorded_on = recorded_on
        if interviewer is not None:
            document.interviewer = interviewer.strip()
        if participants is not None:
            document.participants_json = json.dumps(
                [p.strip() for p in participants if p.strip()], ensure_ascii=False)
        log.update(document)
    return log.freeze(f"Changed the details of document '{document.title}'.")


def move_document(project: Project, document_id: int, case_id: int) -> Changes:
    log = ChangeLog()
    with project.transaction("Move document") as session:
        document = get(session, Document, document_id)
        case = get(session, Case, case_id)
        document.case_id = case.id
        log.update(document)
    return log.freeze(f"Moved document '{document.title}' to case '{case.name}'.")


def delete_document(project: Project, document_id: int) -> Changes:
    """Delete a document with its codings and memos."""
    log = ChangeLog()
    with project.transaction("Delete document") as session:
        document = get(session, Document, document_id)
        codings = session.scalar(
            select(func.count()).select_from(Coding).where(Coding.document_id == document.id))
        log.delete(document)
        session.delete(document)
    return log.freeze(f"Deleted document '{document.title}' with its {codings} coding(s).")
