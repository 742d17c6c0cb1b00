"""The codebook: create, rename, define, recolour, move, reorder, merge and delete codes."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from workbench.core.colours import valid_colour
from workbench.core.errors import DomainError
from workbench.core.model import Code, Coding, MatrixSummary, Memo
from workbench.core.queries.code_tree import ancestor_ids, subtree_ids
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.codings import coalesce
from workbench.core.storage import Project
from workbench.core.store.codes import (
    add_code,
    place_among_siblings,
    renumber_siblings,
    siblings,
    valid_name,
)
from workbench.core.store.lookup import get

DEFINITION_FIELDS = ("definition", "when_to_use", "when_not_to_use", "example")


def create_code(project: Project, name: str, *, parent_id: int | None = None,
                colour: str | None = None, definition: str = "", when_to_use: str = "",
                when_not_to_use: str = "", example: str = "", codable: bool = True,
                position: int | None = None, uuid: str | None = None) -> Changes:
    """Add a code under ``parent_id`` (or at the top), at ``position`` among its siblings."""
    log = ChangeLog()
    with project.transaction("Create code") as session:
        code = add_code(session, name, parent_id=parent_id, colour=colour, codable=codable,
                        position=position, uuid=uuid, definition=definition,
                        when_to_use=when_to_use, when_not_to_use=when_not_to_use, example=example)
        log.create(code)
    return log.freeze(f"Created code '{code.name}'.")


def rename_code(project: Project, code_id: int, name: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Rename code") as session:
        code = get(session, Code, code_id)
        old = code.name
        code.name = valid_name(session, name, code.parent_id, exclude=code.id)
        log.update(code)
    return log.freeze(f"Renamed code '{old}' to '{code.name}'.")


def update_code(project: Project, code_id: int, *, colour: str | None = None,
                definition: str | None = None, when_to_use: str | None = None,
                when_not_to_use: str | None = None, example: str | None = None,
                codable: bool | None = None) -> Changes:
    """Edit a code's colour, definition fields or codable flag (``None`` keeps a field)."""
    log = ChangeLog()
    with project.transaction("Edit code") as session:
        code = get(session, Code, code_id)
        if colour is not None:
            code.colour = valid_colour(colour)
        for field, value in zip(
            DEFINITION_FIELDS, (definition, when_to_use, when_not_to_use, example), strict=True
        ):
            if value is not None:
                setattr(code, field, value.strip())
        if codable is False and code.codable:
            used = session.scalar(
                select(func.count()).select_from(Coding).where(Coding.code_id == code.id)
            )
            if used:
                raise DomainError(
                    f"'{code.name}' has {used} coding(s); it cannot become a grouping-only code."
                )
        if codable is not None:
            code.codable = codable
        log.update(code)
    return log.freeze(f"Changed code '{code.name}'.")


def move_code(project: Project, code_id: int, parent_id: int | None,
              position: int | None = None) -> Changes:
    """Move a code (with its sub-codes) under another parent, or reorder it among its siblings."""
    log = ChangeLog()
    with project.transaction("Move code") as session:
        code = get(session, Code, code_id)
        if parent_id is not None:
            parent = get(session, Code, parent_id)
            if parent.id == code.id or code.id in ancestor_ids(session, parent.id):
                raise DomainError(
                    f"'{code.name}' cannot be moved under itself or one of its sub-codes."
                )
        if parent_id != code.parent_id:
            valid_name(session, code.name, parent_id, exclude=code.id)
        old_parent = code.parent_id
        code.parent_id = parent_id
        session.flush()
        place_among_siblings(session, code, position)
        if old_parent != parent_id:
            renumber_siblings(session, old_parent)
        log.update(code)
    return log.freeze(f"Moved code '{code.name}'.")


def merge_codes(project: Project, source_id: int, target_id: int) -> Changes:
    """Merge ``source`` into ``target``: its codings, sub-codes, memos and summaries move over.

    Sub-codes with the same name as one of the target's are merged in turn. Definition fields
    the target leaves empty are taken from the source. The source code is then deleted.
    """
    log = ChangeLog()
    with project.transaction("Merge codes") as session:
        source = get(session, Code, source_id)
        target = get(session, Code, target_id)
        if source.id == target.id:
            raise DomainError("A code cannot be merged into itself.")
        if source.id in ancestor_ids(session, target.id):
            raise DomainError(f"'{source.name}' cannot be merged into one of its own sub-codes.")
        moved = _merge_into(session, log, source, target)
    return log.freeze(f"Merged '{source.name}' into '{target.name}' ({moved} coding(s) moved).")


def delete_code(project: Project, code_id: int) -> Changes:
    """Delete a code with its sub-codes and all their codings."""
    log = ChangeLog()
    with project.transaction("Delete code") as session:
        code = get(session, Code, code_id)
        ids = subtree_ids(session, code.id)
        codings = session.scalar(
            select(func.count()).select_from(Coding).where(Coding.code_id.in_(ids))
        )
        for sub in session.scalars(select(Code).where(Code.id.in_(ids))):
            log.delete(sub)
        parent_id = code.parent_id
        session.delete(code)
        session.flush()
        renumber_siblings(session, parent_id)
    subs = len(ids) - 1
    detail = f" and {subs} sub-code(s)" if subs else ""
    return log.freeze(f"Deleted code '{code.name}'{detail} with {codings} coding(s).")


# -- inside a transaction -------------------------------------------------------------------

def _merge_into(session: Session, log: ChangeLog, source: Code, target: Code) -> int:
    moved = (
        session.scalar(select(func.count()).select_from(Coding).where(Coding.code_id == source.id))
        or 0
    )
    if moved and not target.codable:
        raise DomainError(
            f"'{target.name}' only groups other codes; the codings of '{source.name}' "
            "cannot move to it."
        )
    pairs = session.execute(
        select(Coding.document_id, Coding.coder_id).where(Coding.code_id == source.id).distinct()
    ).all()
    session.execute(update(Coding).where(Coding.code_id == source.id).values(code_id=target.id))
    session.execute(update(Memo).where(Memo.code_id == source.id).values(code_id=target.id))
    for document_id, coder_id in pairs:
        coalesce(session, log, document_id, target.id, coder_id)
    _merge_summaries(session, source, target)
    for field in DEFINITION_FIELDS:
        if not getattr(target, field) and getattr(source, field):
            setattr(target, field, getattr(source, field))
    for child in siblings(session, source.id):
        twin = next((c for c in siblings(session, target.id)
                     if c.name.casefold() == child.name.casefold()), None)
        if twin is None:
            child.parent_id = target.id
            child.position = 10**9
            session.flush()
            renumber_siblings(session, target.id)
            log.update(child)
        else:
            moved += _merge_into(session, log, child, twin)
    parent_id = source.parent_id
    log.delete(source)
    session.delete(source)
    session.flush()
    renumber_siblings(session, parent_id)
    log.update(target)
    return moved


def _merge_summaries(session: Session, source: Code, target: Code) -> None:
    for summary in session.scalars(select(MatrixSummary).where(MatrixSummary.code_id == source.id)):
        existing = session.scalar(select(MatrixSummary).where(
            MatrixSummary.code_id == target.id, MatrixSummary.case_id == summary.case_id))
        if existing is None:
            summary.code_id = target.id
        else:
            existing.text = "\n\n".join(t for t in (existing.text, summary.text) if t)
            session.delete(summary)
    session.flush()
