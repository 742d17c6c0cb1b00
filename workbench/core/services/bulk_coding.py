"""Coding many passages in one action (all search hits, a merge, a generated project)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Code, Coding, Document, new_uuid, utc_now
from workbench.core.services.changes import ChangeLog, Changes, EntityRef
from workbench.core.services.coders import ensure_coder
from workbench.core.services.codings import coalesce, joined_rule
from workbench.core.storage import Project

Group = tuple[int, int, int]  # document id, code id, coder id


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
    rows = _joined_rows(specs, coders)
    dirty = _groups_touching_stored(session, rows)
    if rows:
        inserted = session.execute(insert(Coding).returning(Coding.id, Coding.uuid), rows)
        log.created.extend(EntityRef("coding", row_id, uuid) for row_id, uuid in inserted)
    for document_id, code_id, coder_id in sorted(dirty):
        coalesce(session, log, document_id, code_id, coder_id)


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


def _joined_rows(specs: list[CodingSpec], coders: dict[str, int]) -> list[dict]:
    """New codings as rows, those of one code by one coder that overlap or touch joined first."""
    groups: dict[Group, list[CodingSpec]] = defaultdict(list)
    for spec in specs:
        groups[(spec.document_id, spec.code_id, coders[spec.coder])].append(spec)
    now, rows = utc_now(), []
    for (document_id, code_id, coder_id), members in groups.items():
        members.sort(key=lambda spec: (spec.start, spec.end))
        current: dict | None = None
        for spec in members:
            memo = spec.memo.strip()
            if current is not None and spec.start <= current["end"]:
                current["end"] = max(current["end"], spec.end)
                if memo and memo not in current["memo"]:
                    current["memo"] = "\n".join(p for p in (current["memo"], memo) if p)
                current["rule"] = joined_rule(current["rule"], spec.rule)
                continue
            current = {"uuid": new_uuid(), "document_id": document_id, "code_id": code_id,
                       "coder_id": coder_id, "start": spec.start, "end": spec.end, "memo": memo,
                       "created_at": now, "rule": spec.rule}
            rows.append(current)
    return rows


def _groups_touching_stored(session: Session, rows: list[dict]) -> set[Group]:
    """Groups (document, code, coder) where a new passage overlaps or touches a stored one."""
    spans: dict[Group, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:
        spans[(row["document_id"], row["code_id"], row["coder_id"])].append(
            (row["start"], row["end"])
        )
    stored: dict[Group, list[tuple[int, int]]] = defaultdict(list)
    documents = sorted({group[0] for group in spans})
    for chunk in range(0, len(documents), 500):
        existing = session.execute(
            select(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
            .where(Coding.document_id.in_(documents[chunk:chunk + 500])))
        for document_id, code_id, coder_id, start, end in existing:
            group = (document_id, code_id, coder_id)
            if group in spans:
                stored[group].append((start, end))
    return {group for group, old in stored.items()
            if any(s <= e2 and s2 <= e for s, e in spans[group] for s2, e2 in old)}
