"""Documents: added from text (normalised), renamed, moved between cases, deleted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select

from workbench.core.errors import DomainError
from workbench.core.model import Case, Coding, Document, DocumentKind
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.speaker_turns import Turn
from workbench.core.storage import Project
from workbench.core.store.documents import NewDocument, checked, insert_document, participants_json
from workbench.core.store.lookup import get
from workbench.core.store.memos import import_memo
from workbench.core.text import clean_name


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
    new = NewDocument(case_id, title, text, kind, source_name=source_name, encoding=encoding,
                      recorded_on=recorded_on, interviewer=interviewer,
                      participants=list(participants), turns=turns, headings=list(headings))
    stored = checked(new)
    with project.transaction("Add document") as session:
        case = get(session, Case, case_id)
        twin = session.scalar(select(Document).where(
            Document.case_id == case.id, Document.content_hash == stored.content_hash))
        if twin is not None:
            raise DuplicateDocumentError(f"'{stored.title}' is already in case '{case.name}' as "
                                         f"'{twin.title}' (same text); skipped.")
        document, turn_count = insert_document(session, new, stored)
        log.create(document)
        if import_note:
            log.create(import_memo(session, document.id, import_note))
    found = f" ({turn_count} speaker turns)" if turn_count else ""
    return log.freeze(f"Added document '{stored.title}' to case '{case.name}'{found}.")


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
            document.participants_json = participants_json(participants)
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
