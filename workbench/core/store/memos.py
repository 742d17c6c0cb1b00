"""Writing a memo: on the project, or on exactly one case, document, code or coding."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from workbench.core.errors import DomainError
from workbench.core.model import Memo
from workbench.core.queries.documents import IMPORT_MEMO_TITLE

TARGETS = ("case", "document", "code", "coding")


def memo_title(title: str) -> str:
    """A memo's title on one line, or a :class:`DomainError` when nothing is left."""
    title = " ".join(title.split())
    if not title:
        raise DomainError("A memo needs a title.")
    return title


def insert_memo(session: Session, title: str, text: str, *, target: str = "project",
                target_id: int | None = None, author_id: int | None = None,
                uuid: str | None = None, created_at: datetime | None = None,
                modified_at: datetime | None = None) -> Memo:
    """Store a memo; ``target`` is "project" or one of :data:`TARGETS` with ``target_id``."""
    memo = Memo(title=memo_title(title), text=text.strip(), author_id=author_id)
    if target != "project":
        if target not in TARGETS:
            raise DomainError(f"A memo cannot be attached to '{target}'.")
        setattr(memo, f"{target}_id", target_id)
    if uuid is not None:
        memo.uuid = uuid
    if created_at is not None:
        memo.created_at = created_at
    if modified_at is not None:
        memo.modified_at = modified_at
    session.add(memo)
    session.flush()
    return memo


def import_memo(session: Session, document_id: int, note: str) -> Memo:
    """The memo, written by no coder, saying what an import left out of a document's file."""
    return insert_memo(session, IMPORT_MEMO_TITLE, note, target="document",
                       target_id=document_id)
