"""Lists of cases, documents and codes for display."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, python_value
from workbench.core.model import (
    AttributeDefinition,
    AttributeType,
    Case,
    CaseAttributeValue,
    Code,
    Coding,
    Document,
    DocumentLayout,
)
from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.codings import coding_counts


@dataclass(frozen=True)
class CaseRow:
    id: int
    uuid: str
    name: str
    description: str
    documents: int
    attributes: dict[str, AttributeValue] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeRow:
    id: int
    uuid: str
    parent_id: int | None
    depth: int
    name: str
    colour: str
    codable: bool
    codings: int


def list_cases(session: Session) -> list[CaseRow]:
    documents = dict(session.execute(
        select(Document.case_id, func.count()).group_by(Document.case_id)).all())
    values: dict[int, dict[str, AttributeValue]] = {}
    rows = session.execute(
        select(CaseAttributeValue.case_id, AttributeDefinition.name, AttributeDefinition.type,
               CaseAttributeValue.value)
        .join(AttributeDefinition, CaseAttributeValue.attribute_id == AttributeDefinition.id)
        .order_by(AttributeDefinition.position)
    )
    for case_id, name, kind, value in rows:
        values.setdefault(case_id, {})[name] = python_value(kind, value)
    return [
        CaseRow(case.id, case.uuid, case.name, case.description, documents.get(case.id, 0),
                values.get(case.id, {}))
        for case in session.scalars(select(Case).order_by(Case.position, Case.id))
    ]


def list_codes(session: Session, counts: dict[int, int] | None = None) -> list[CodeRow]:
    """The code tree, depth first in the researcher's order, with coding counts (``counts``:
    those already read by :func:`coding_counts` in this session)."""
    counts = coding_counts(session) if counts is None else counts
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    rows: list[CodeRow] = []

    def visit(parent_id: int | None, depth: int) -> None:
        for code in children.get(parent_id, []):
            rows.append(CodeRow(code.id, code.uuid, code.parent_id, depth, code.name, code.colour,
                                code.codable, counts.get(code.id, 0)))
            visit(code.id, depth + 1)

    visit(None, 0)
    return rows


@dataclass(frozen=True)
class DocumentRow:
    """A document as lists show it: only what is stored before its text (see
    :func:`list_documents`)."""

    id: int
    case_id: int
    title: str
    kind: str
    word_count: int
    codings: int


@dataclass(frozen=True)
class AttributeRow:
    id: int
    uuid: str
    name: str
    type: AttributeType
    choices: tuple[str, ...]
    description: str


def list_documents(session: Session, case_id: int | None = None) -> list[DocumentRow]:
    """Documents in the researcher's order (all, or one case's), without their texts.

    Reads no column stored after a document's text (uuid, source name, the document's own word
    count): SQLite reaches those only by walking every page of the text, 30 MB on a project of
    5 million words (issue 9: the window usable in 1.5 s). The word count comes from the
    document's layout, where it is the same count; a document without one (an undo step
    recorded before the layouts existed, until the project fills it) falls back to its own.
    The order comes from the position index: the position too is stored after the text, so
    one case's documents are picked from that scan rather than sorted after a search by case.
    """
    codings = dict(session.execute(
        select(Coding.document_id, func.count()).group_by(Coding.document_id)).all())
    query = (
        select(Document.id, Document.case_id, Document.title, Document.kind,
               func.coalesce(DocumentLayout.word_count, Document.word_count).label("words"))
        .outerjoin(DocumentLayout, DocumentLayout.document_id == Document.id)
        .order_by(Document.position, Document.id)
    )
    return [
        DocumentRow(row.id, row.case_id, row.title, str(row.kind.value), row.words,
                    codings.get(row.id, 0))
        for row in session.execute(query) if case_id is None or row.case_id == case_id
    ]


def document_sources(session: Session) -> dict[int, str]:
    """Each document's source file name ("" for typed or pasted text), by id. Stored after the
    text, so this walks every text: for tooltips, read after the window is up."""
    return {id_: name for id_, name in session.execute(select(Document.id, Document.source_name))}


def document_uuids(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The uuids of the given documents, by id."""
    return dict(session.execute(
        select(Document.id, Document.uuid).where(Document.id.in_(list(document_ids)))).all())


def document_ids(session: Session) -> list[int]:
    """Every document's id in the researcher's order, read from the position index alone."""
    return list(session.scalars(select(Document.id).order_by(Document.position, Document.id)))


def list_attributes(session: Session) -> list[AttributeRow]:
    """The project's case attributes in their defined order, choice lists included."""
    return [
        AttributeRow(attribute.id, attribute.uuid, attribute.name, attribute.type,
                     tuple(json.loads(attribute.choices_json)), attribute.description)
        for attribute in session.scalars(
            select(AttributeDefinition).order_by(AttributeDefinition.position,
                                                  AttributeDefinition.id))
    ]


@dataclass(frozen=True)
class CodeDetails:
    """One code with its definition fields, its path, and what hangs under it (for display)."""

    id: int
    parent_id: int | None
    name: str
    path: str
    colour: str
    codable: bool
    definition: str
    when_to_use: str
    when_not_to_use: str
    example: str
    codings: int  # codings of this code itself
    sub_codes: int  # all descendants
    subtree_codings: int  # codings of the code and all its descendants


def code_details(session: Session, code_id: int) -> CodeDetails | None:
    """The details of one code (``None`` if it does not exist)."""
    return list_code_details(session, only=code_id).get(code_id)


def list_code_details(session: Session, only: int | None = None,
                      counts: dict[int, int] | None = None) -> dict[int, CodeDetails]:
    """Details of every code (or of the code ``only``), keyed by id (``counts``: as in
    :func:`list_codes`)."""
    codes = session.scalars(select(Code)).all()
    counts = coding_counts(session) if counts is None else counts
    paths = code_paths(session)
    children: dict[int | None, list[int]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code.id)

    def below(code_id: int) -> list[int]:
        found: set[int] = set()
        stack = list(children.get(code_id, []))
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(children.get(current, []))
        return list(found)

    details: dict[int, CodeDetails] = {}
    for code in codes:
        if only is not None and code.id != only:
            continue
        descendants = below(code.id)
        details[code.id] = CodeDetails(
            code.id, code.parent_id, code.name, paths.get(code.id, code.name), code.colour,
            code.codable, code.definition, code.when_to_use, code.when_not_to_use, code.example,
            counts.get(code.id, 0), len(descendants),
            counts.get(code.id, 0) + sum(counts.get(d, 0) for d in descendants))
    return details


def passage_text(session: Session, document_id: int, start: int, end: int) -> str:
    """The text of ``[start, end)`` (code points) of a document; empty if there is no such
    document."""
    text = session.scalar(
        select(func.substr(Document.text, start + 1, max(0, end - start))).where(
            Document.id == document_id
        )
    )
    return text or ""
