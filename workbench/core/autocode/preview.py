"""Which documents an autocoding covers, and its preview: how many passages, in how many
documents, and a few of them with their references, before anything is coded."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.autocode.finder import Found, find_passages, reading_order
from workbench.core.autocode.rules import Rule, describe
from workbench.core.errors import NotFoundError
from workbench.core.jobs import JobControl
from workbench.core.model import Case, Document
from workbench.core.queries.passages import REFERENCE_SEPARATOR
from workbench.core.text import paragraph_number, paragraph_starts

SAMPLE_SIZE = 5
SAMPLE_CHARACTERS = 240


@dataclass(frozen=True)
class Target:
    """Where a rule looks: these documents, the documents of these cases (both: either), or,
    when neither is given, every document of the project."""

    document_ids: tuple[int, ...] = ()
    case_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SamplePassage:
    document_id: int
    start: int
    end: int
    reference: str  # case · document · ¶n
    text: str  # the passage, cut after SAMPLE_CHARACTERS with "…"


@dataclass(frozen=True)
class AutocodePreview:
    rule: str  # the rule as its codings will record it
    passages: int
    documents: int
    searched: int  # documents the rule looked in
    sample: list[SamplePassage]


def target_documents(session: Session, target: Target) -> list[int]:
    """The target's document ids in reading order."""
    if not target.document_ids and not target.case_ids:
        return reading_order(session)
    chosen = set(target.document_ids)
    _check_exist(session, Document, chosen, "document")
    _check_exist(session, Case, set(target.case_ids), "case")
    if target.case_ids:
        chosen.update(session.scalars(
            select(Document.id).where(Document.case_id.in_(list(target.case_ids)))))
    return reading_order(session, chosen)


def _check_exist(session: Session, entity: type[Document] | type[Case], ids: set[int],
                 what: str) -> None:
    if not ids:
        return
    known = set(session.scalars(select(entity.id).where(entity.id.in_(sorted(ids)))))
    if ids - known:
        raise NotFoundError(f"There is no {what} with id {min(ids - known)} in this project.")


def preview_autocode(session: Session, rule: Rule, target: Target = Target(),
                     sample_size: int = SAMPLE_SIZE,
                     control: JobControl | None = None) -> AutocodePreview:
    """What :func:`workbench.core.services.autocoding.autocode` would code, without coding it."""
    documents = target_documents(session, target)
    found = find_passages(session, rule, documents, control)
    return AutocodePreview(describe(rule), len(found), len({f.document_id for f in found}),
                           len(documents), _sample(session, found, sample_size))


def _sample(session: Session, found: Sequence[Found], size: int) -> list[SamplePassage]:
    """Up to ``size`` passages spread evenly over the list (first and last included)."""
    if not found or size <= 0:
        return []
    if len(found) <= size:
        picked = list(found)
    else:
        step = (len(found) - 1) / (size - 1) if size > 1 else 0
        picked = [found[round(n * step)] for n in range(size)]
    return list(_with_references(session, picked))


def _with_references(session: Session, picked: Iterable[Found]) -> Iterable[SamplePassage]:
    picked = list(picked)
    rows = session.execute(
        select(Document.id, Case.name, Document.title, Document.text)
        .join(Case, Document.case_id == Case.id)
        .where(Document.id.in_({f.document_id for f in picked})))
    documents = {row[0]: row[1:] for row in rows}
    for passage in picked:
        case, title, value = documents[passage.document_id]
        paragraph = max(paragraph_number(paragraph_starts(value), passage.start), 1)
        cut = value[passage.start:passage.end]
        if len(cut) > SAMPLE_CHARACTERS:
            cut = cut[:SAMPLE_CHARACTERS - 1].rstrip() + "…"
        yield SamplePassage(passage.document_id, passage.start, passage.end,
                            REFERENCE_SEPARATOR.join((case, title, f"¶{paragraph}")), cut)
