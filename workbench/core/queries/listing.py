"""Lists of cases, documents and codes for display."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, python_value
from workbench.core.model import AttributeDefinition, Case, CaseAttributeValue, Code, Document
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


def list_codes(session: Session) -> list[CodeRow]:
    """The code tree, depth first in the researcher's order, with coding counts."""
    counts = coding_counts(session)
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
