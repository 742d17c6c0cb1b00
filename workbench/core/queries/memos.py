"""Memos for display: those attached to one target (the project, a case, document, code or
coding)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Case, Code, Coder, Coding, Document, Memo, ProjectInfo

MEMO_TARGETS = ("project", "case", "document", "code", "coding")


@dataclass(frozen=True)
class MemoRow:
    id: int
    uuid: str
    title: str
    text: str
    author: str  # "" when the memo records no author
    created_at: datetime  # UTC
    modified_at: datetime  # UTC


def _attached_to(kind: str, target_id: int | None) -> ColumnElement[bool]:
    columns = {"case": Memo.case_id, "document": Memo.document_id, "code": Memo.code_id,
               "coding": Memo.coding_id}
    if kind == "project":
        return (Memo.case_id.is_(None) & Memo.document_id.is_(None) & Memo.code_id.is_(None)
                & Memo.coding_id.is_(None))
    if kind not in columns or target_id is None:
        raise DomainError(f"Memos cannot be attached to '{kind}'.")
    return columns[kind] == target_id


def list_memos(session: Session, kind: str, target_id: int | None = None) -> list[MemoRow]:
    """The memos on one target, in the order they were written; ``kind="project"`` takes no id."""
    query = (
        select(Memo.id, Memo.uuid, Memo.title, Memo.text, Coder.name, Memo.created_at,
               Memo.modified_at)
        .outerjoin(Coder, Memo.author_id == Coder.id)
        .where(_attached_to(kind, target_id))
        .order_by(Memo.created_at, Memo.id)
    )
    return [MemoRow(row[0], row[1], row[2], row[3], row[4] or "", row[5], row[6])
            for row in session.execute(query)]


def memo_target_name(session: Session, kind: str, target_id: int | None = None) -> str:
    """The name a researcher knows the target by: project name, case name, document title, ..."""
    if kind == "project":
        return session.scalar(select(ProjectInfo.name)) or ""
    if kind == "coding":
        query = (select(Document.title).join(Coding, Coding.document_id == Document.id)
                 .where(Coding.id == target_id))
    elif kind == "case":
        query = select(Case.name).where(Case.id == target_id)
    elif kind == "document":
        query = select(Document.title).where(Document.id == target_id)
    elif kind == "code":
        query = select(Code.name).where(Code.id == target_id)
    else:
        raise DomainError(f"Memos cannot be attached to '{kind}'.")
    title = session.scalar(query)
    if title is None:
        raise NotFoundError(f"There is no {kind} with id {target_id}.")
    return title
