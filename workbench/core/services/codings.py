"""Codings: applying a code to a passage, removing it, resizing it, annotating it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Code, Coding, Document
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.coders import ensure_coder
from workbench.core.storage import Project
from workbench.core.store.codings import NewCoding, insert_coding
from workbench.core.store.codings import coalesce as stored_coalesce
from workbench.core.store.lookup import get


def apply_code(project: Project, document_id: int, code_id: int, start: int, end: int, *,
               coder: str, memo: str = "") -> Changes:
    """Code the passage ``[start, end)`` (code points) of a document.

    As in NVivo, a passage that overlaps or touches a passage the same coder already coded with
    the same code is joined with it into one coding, so a code never counts a stretch twice.
    """
    log = ChangeLog()
    with project.transaction("Code passage") as session:
        title = _check_range(session, document_id, start, end)
        code = _codable(session, code_id)
        who = ensure_coder(session, log, coder)
        coding = insert_coding(session, NewCoding(document_id, code.id, who.id, start, end, memo))
        log.create(coding)
        coalesce(session, log, document_id, code.id, who.id, around=(start, end))
    return log.freeze(f"Coded {end - start} characters of '{title}' with '{code.name}'.")


def remove_coding(project: Project, coding_id: int) -> Changes:
    log = ChangeLog()
    with project.transaction("Remove coding") as session:
        coding = get(session, Coding, coding_id)
        log.delete(coding)
        session.delete(coding)
    return log.freeze("Removed a coding.")


def set_coding_range(project: Project, coding_id: int, start: int, end: int) -> Changes:
    """Extend or shrink a coding to ``[start, end)``."""
    log = ChangeLog()
    with project.transaction("Resize coding") as session:
        coding = get(session, Coding, coding_id)
        _check_range(session, coding.document_id, start, end)
        coding.start, coding.end = start, end
        log.update(coding)
        session.flush()
        coalesce(session, log, coding.document_id, coding.code_id, coding.coder_id)
    return log.freeze("Changed the extent of a coding.")


def set_coding_memo(project: Project, coding_id: int, memo: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Edit coding memo") as session:
        coding = get(session, Coding, coding_id)
        coding.memo = memo.strip()
        log.update(coding)
    return log.freeze("Changed the memo of a coding.")


def recode(project: Project, coding_id: int, code_id: int) -> Changes:
    """Give a coded passage another code (same passage, same coder)."""
    log = ChangeLog()
    with project.transaction("Recode passage") as session:
        coding = get(session, Coding, coding_id)
        code = _codable(session, code_id)
        coding.code_id = code.id
        log.update(coding)
        session.flush()
        coalesce(session, log, coding.document_id, code.id, coding.coder_id)
    return log.freeze(f"Recoded a passage with '{code.name}'.")


# -- inside a transaction -------------------------------------------------------------------

def coalesce(session: Session, log: ChangeLog, document_id: int, code_id: int,
             coder_id: int, *, around: tuple[int, int] | None = None) -> None:
    """Join overlapping or touching codings of one code by one coder in one document.

    ``around``: the passage of the one coding just stored in a group whose other codings were
    already joined; only the codings near it are read (see :mod:`.coding_neighbours`).
    """
    joined_groups = stored_coalesce(session, document_id, code_id, coder_id, around=around)
    for keeper, joined in joined_groups:
        log.update(keeper)
        for coding in joined:
            log.forget_or_delete(coding)


def _check_range(session: Session, document_id: int, start: int, end: int) -> str:
    """The document's title, once ``[start, end)`` is known to be a passage of it.

    Reads the title and the text's length, never the text itself: loading a long transcript
    would be most of the time a code action takes."""
    found = session.execute(select(Document.title, func.length(Document.text))
                            .where(Document.id == document_id)).one_or_none()
    if found is None:
        raise NotFoundError(f"There is no document with id {document_id} in this project.")
    title, length = found
    if start == end:
        raise DomainError("An empty passage cannot be coded: select at least one character.")
    if end < start:
        raise DomainError(f"The passage ends ({end}) before it starts ({start}).")
    if start < 0 or end > (length or 0):
        raise DomainError(
            f"The passage {start}–{end} lies outside the document '{title}', "
            f"which has {length} characters."
        )
    return str(title)


def _codable(session: Session, code_id: int) -> Code:
    code = get(session, Code, code_id)
    if not code.codable:
        raise DomainError(
            f"'{code.name}' only groups other codes and cannot be applied to a passage."
        )
    return code
