"""Coding many passages in one action (all search hits, a merge, a generated project)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Code, Document
from workbench.core.services.changes import ChangeLog, Changes, EntityRef
from workbench.core.services.coders import ensure_coder
from workbench.core.storage import Project
from workbench.core.store.codings import NewCoding, store_joined


@dataclass(frozen=True)
class CodingSpec:
    document_id: int
    code_id: int
    start: int
    end: int
    coder: str
    memo: str = ""
    rule: str | None = None  # the autocoding rule's text; None: coded by hand


def apply_codings(project: Project, specs: Iterable[CodingSpec], *,
                  label: str = "Code passages") -> Changes:
    """Apply every coding in one transaction: all go in, or (on any invalid one) none."""
    specs = list(specs)
    log = ChangeLog()
    with project.transaction(label) as session:
        store_codings(session, log, specs)
    return log.freeze(f"Coded {len(specs)} passage(s).")


def store_codings(session: Session, log: ChangeLog, specs: list[CodingSpec]) -> None:
    """Inside a transaction: check and insert the codings, joining those that touch."""
    lengths = _document_lengths(session, {s.document_id for s in specs})
    _check_codes(session, {s.code_id for s in specs})
    coders = {name: ensure_coder(session, log, name).id for name in {s.coder for s in specs}}
    for spec in specs:
        _check_range(spec, lengths[spec.document_id])
    stored = store_joined(session, (
        NewCoding(spec.document_id, spec.code_id, coders[spec.coder], spec.start, spec.end,
                  spec.memo, rule=spec.rule) for spec in specs))
    log.created.extend(EntityRef("coding", stored.ids[coding.uuid], coding.uuid)
                       for coding in stored.inserted)


def _document_lengths(session: Session, ids: set[int]) -> dict[int, int]:
    lengths: dict[int, int] = {}
    id_list = sorted(ids)
    for chunk in range(0, len(id_list), 500):
        query = select(Document.id, func.length(Document.text)).where(
            Document.id.in_(id_list[chunk:chunk + 500]))
        lengths.update(dict(session.execute(query).all()))
    missing = ids - lengths.keys()
    if missing:
        raise NotFoundError(f"There is no document with id {min(missing)} in this project.")
    return lengths


def _check_codes(session: Session, ids: set[int]) -> None:
    found = {code_id: (name, codable) for code_id, name, codable in session.execute(
        select(Code.id, Code.name, Code.codable).where(Code.id.in_(sorted(ids))))}
    missing = ids - found.keys()
    if missing:
        raise NotFoundError(f"There is no code with id {min(missing)} in this project.")
    for name, codable in found.values():
        if not codable:
            raise DomainError(
                f"'{name}' only groups other codes and cannot be applied to a passage."
            )


def _check_range(spec: CodingSpec, length: int) -> None:
    if spec.end <= spec.start:
        raise DomainError(
            f"An empty or reversed passage ({spec.start}–{spec.end}) cannot be coded."
        )
    if spec.start < 0 or spec.end > length:
        raise DomainError(f"The passage {spec.start}–{spec.end} lies outside document "
                          f"{spec.document_id}, which has {length} characters.")
