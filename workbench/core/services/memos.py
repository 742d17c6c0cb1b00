"""Memos on the project, a case, a document, a code or a coding."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.errors import DomainError
from workbench.core.model import Case, Code, Coding, Document, Memo
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.coders import ensure_coder
from workbench.core.storage import Project
from workbench.core.store.lookup import get
from workbench.core.store.memos import insert_memo, memo_title

_TARGETS = {"case": Case, "document": Document, "code": Code, "coding": Coding}


@dataclass(frozen=True)
class MemoTarget:
    """What a memo is attached to; ``MemoTarget.project()`` for a project memo."""

    kind: str
    id: int | None = None

    @classmethod
    def project(cls) -> MemoTarget:
        return cls("project")


def create_memo(project: Project, title: str, text: str = "", *, author: str | None = None,
                target: MemoTarget | None = None) -> Changes:
    log = ChangeLog()
    target = target or MemoTarget.project()
    title = memo_title(title)
    with project.transaction("Write memo") as session:
        author_id = ensure_coder(session, log, author).id if author else None
        target_id = None
        if target.kind != "project":
            model = _TARGETS.get(target.kind)
            if model is None or target.id is None:
                raise DomainError(f"A memo cannot be attached to '{target.kind}'.")
            get(session, model, target.id)  # it must exist
            target_id = target.id
        memo = insert_memo(session, title, text, target=target.kind, target_id=target_id,
                           author_id=author_id)
        log.create(memo)
    return log.freeze(f"Wrote memo '{title}'.")


def update_memo(project: Project, memo_id: int, *, title: str | None = None,
                text: str | None = None) -> Changes:
    log = ChangeLog()
    with project.transaction("Edit memo") as session:
        memo = get(session, Memo, memo_id)
        if title is not None:
            title = " ".join(title.split())
            if not title:
                raise DomainError("A memo needs a title.")
            memo.title = title
        if text is not None:
            memo.text = text.strip()
        log.update(memo)
    return log.freeze(f"Changed memo '{memo.title}'.")


def delete_memo(project: Project, memo_id: int) -> Changes:
    log = ChangeLog()
    with project.transaction("Delete memo") as session:
        memo = get(session, Memo, memo_id)
        log.delete(memo)
        session.delete(memo)
    return log.freeze(f"Deleted memo '{memo.title}'.")
