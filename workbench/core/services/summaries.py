"""The researcher's summary of one matrix cell (framework method): write, change or clear it.

A summary belongs to a case and a code (a theme, or a code of the matrix's columns); it records
its author and, through its timestamps, when it was written and last changed. Each call is one
transaction and one undo step.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError
from workbench.core.model import Case, Code, MatrixSummary
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.coders import ensure_coder
from workbench.core.storage import Project
from workbench.core.store.lookup import get

MAX_SUMMARY_CHARACTERS = 20_000


def set_summary(project: Project, case_id: int, code_id: int, text: str, *,
                author: str) -> Changes:
    """Write the cell's summary (replacing any earlier one); empty text clears it."""
    text = text.strip()
    if len(text) > MAX_SUMMARY_CHARACTERS:
        raise DomainError(f"A matrix summary holds at most {MAX_SUMMARY_CHARACTERS:,} characters; "
                          f"this one has {len(text):,}.")
    if not text:
        return clear_summary(project, case_id, code_id)
    log = ChangeLog()
    with project.transaction("Write matrix summary") as session:
        case, code = get(session, Case, case_id), get(session, Code, code_id)
        who = ensure_coder(session, log, author)
        summary = _find(session, case_id, code_id)
        if summary is None:
            summary = MatrixSummary(case_id=case.id, code_id=code.id, text=text, author_id=who.id)
            session.add(summary)
            session.flush()
            log.create(summary)
        else:
            summary.text, summary.author_id = text, who.id
            log.update(summary)
    return log.freeze(f"Wrote the summary of '{case.name}' × '{code.name}'.")


def clear_summary(project: Project, case_id: int, code_id: int) -> Changes:
    """Remove the cell's summary; nothing happens (and no undo step) if it has none."""
    log = ChangeLog()
    with project.reading() as session:
        case, code = get(session, Case, case_id), get(session, Code, code_id)
        if _find(session, case_id, code_id) is None:
            return log.freeze(f"'{case.name}' × '{code.name}' has no summary.")
    with project.transaction("Clear matrix summary") as session:
        summary = _find(session, case_id, code_id)
        if summary is not None:
            log.delete(summary)
            session.delete(summary)
    return log.freeze(f"Cleared the summary of '{case.name}' × '{code.name}'.")


def _find(session: Session, case_id: int, code_id: int) -> MatrixSummary | None:
    return session.scalar(select(MatrixSummary).where(
        MatrixSummary.case_id == case_id, MatrixSummary.code_id == code_id))
