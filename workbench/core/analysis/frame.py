"""The matrix's raw material: its rows (cases), its columns (codes) and the codings, as frames.

Reading is split from computing so the builder works on plain pandas frames: one statement for
the codings (small columns, filters in SQL), one for the documents (no text), one for the cases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, cast

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.analysis.spec import MatrixSpec
from workbench.core.attribute_values import canonical_value
from workbench.core.errors import DomainError
from workbench.core.model import (
    AttributeDefinition,
    AttributeType,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Document,
    DocumentLayout,
)
from workbench.core.queries.code_tree import code_paths

NO_VALUE = "(no value)"
CODING_COLUMNS = ["coding_id", "document_id", "code_id", "coder_id", "start", "end"]


@dataclass(frozen=True)
class MatrixRow:
    """One case: its name, the attribute values shown beside it, and its group's label."""

    case_id: int
    name: str
    values: dict[str, str] = field(default_factory=dict)
    group: str = ""


@dataclass(frozen=True)
class MatrixColumn:
    """A code column; ``members`` are the codes whose codings it holds (itself, or a subtree)."""

    code_id: int
    name: str
    path: str
    colour: str
    theme: str
    definition: str
    members: frozenset[int]


def display_value(kind: AttributeType, stored: str) -> str:
    if kind is AttributeType.BOOLEAN:
        return "yes" if stored == "true" else "no"
    return stored


def matrix_rows(session: Session, spec: MatrixSpec) -> list[MatrixRow]:
    """The cases the attribute filters leave, grouped by ``spec.by`` (then in case order)."""
    definitions = {d.name.casefold(): d for d in session.scalars(select(AttributeDefinition))}
    for name in (*spec.shown_attributes, *spec.attributes):
        if name.casefold() not in definitions:
            raise DomainError(f"There is no case attribute named '{name}' in this project.")
    stored: dict[int, dict[int, str]] = {}
    for case_id, attribute_id, value in session.execute(
            select(CaseAttributeValue.case_id, CaseAttributeValue.attribute_id,
                   CaseAttributeValue.value)):
        stored.setdefault(case_id, {})[attribute_id] = value
    wanted = {definitions[name.casefold()].id: _stored_forms(definitions[name.casefold()], values)
              for name, values in spec.attributes.items()}
    rows = []
    cases = session.execute(select(Case.id, Case.name).order_by(Case.position, Case.id))
    for case_id, name in cases:
        values = stored.get(case_id, {})
        if any(values.get(attribute) not in allowed for attribute, allowed in wanted.items()):
            continue
        shown = {}
        for attribute in spec.shown_attributes:
            definition = definitions[attribute.casefold()]
            held = values.get(definition.id)
            shown[definition.name] = display_value(definition.type, held) if held else ""
        group = ""
        if spec.by:
            group = shown[definitions[spec.by.casefold()].name] or NO_VALUE
        rows.append(MatrixRow(case_id, name, shown, group))
    if spec.by:
        definition = definitions[spec.by.casefold()]
        rows.sort(key=lambda row: _group_key(definition, row.group))  # stable: case order kept
    return rows


def _stored_forms(definition: AttributeDefinition, values: tuple[str, ...]) -> set[str]:
    choices = tuple(json.loads(definition.choices_json))
    forms = set()
    for value in values:
        try:
            forms.add(canonical_value(definition.type, value, choices, definition.name))
        except DomainError:
            forms.add(str(value))
    return forms


def _group_key(definition: AttributeDefinition, label: str) -> tuple:
    if label == NO_VALUE:
        return (2, 0, "")
    choices = json.loads(definition.choices_json)
    if definition.type is AttributeType.CHOICE and label in choices:
        return (0, choices.index(label), label)
    if definition.type is AttributeType.NUMBER:
        try:
            return (0, Decimal(label), "")
        except InvalidOperation:
            pass
    return (1, 0, label.casefold())


def matrix_columns(session: Session, level: str) -> list[MatrixColumn]:
    """Themes (top-level codes, each with its whole subtree) or codes (each with itself only)."""
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    paths = code_paths(session)
    columns: list[MatrixColumn] = []

    def subtree(code: Code) -> set[int]:
        found = {code.id}
        for child in children.get(code.id, []):
            found |= subtree(child)
        return found

    def visit(code: Code, theme: str) -> None:
        if code.codable or not children.get(code.id):
            columns.append(_column(code, paths, theme, {code.id}))
        for child in children.get(code.id, []):
            visit(child, theme)

    for top in children.get(None, []):
        if level == "themes":
            columns.append(_column(top, paths, top.name, subtree(top)))
        else:
            visit(top, top.name)
    return columns


def _column(code: Code, paths: dict[int, str], theme: str, members: set[int]) -> MatrixColumn:
    return MatrixColumn(code.id, code.name, paths.get(code.id, code.name), code.colour, theme,
                        code.definition, frozenset(members))


def coder_ids(session: Session, names: tuple[str, ...]) -> list[int] | None:
    """Ids of the named coders (None: no coder filter); an unknown name is an error."""
    if not names:
        return None
    known = {name.casefold(): coder_id for coder_id, name in session.execute(
        select(Coder.id, Coder.name))}
    missing = [name for name in names if name.casefold() not in known]
    if missing:
        raise DomainError(f"There is no coder named '{missing[0]}' in this project.")
    return [known[name.casefold()] for name in names]


def load_documents(session: Session, spec: MatrixSpec, case_ids: list[int],
                   with_words: bool = False) -> pd.DataFrame:
    """The documents of these cases that the kind filter leaves (id, case[, words]; no text).

    Word counts come from the stored layouts: the document row keeps its count after its text,
    so reading it there would walk every text.
    """
    query = select(Document.id, Document.case_id, Document.kind)
    names = ["document_id", "case_id", "kind"]
    if with_words:
        query = query.add_columns(DocumentLayout.word_count).outerjoin(
            DocumentLayout, DocumentLayout.document_id == Document.id)
        names.append("words")
    frame = pd.DataFrame(session.execute(query).all(), columns=names)
    keep = frame["case_id"].isin(case_ids)
    if spec.kinds:
        keep &= frame["kind"].astype(str).isin(list(spec.kinds))
    return frame[keep].drop(columns="kind").reset_index(drop=True)


def load_codings(session: Session, spec: MatrixSpec, documents: pd.DataFrame) -> pd.DataFrame:
    """The codings in these documents by the chosen coders, with their case id."""
    frame = read_codings(session, spec)
    cases = documents.set_index("document_id")["case_id"]
    frame = frame[frame["document_id"].isin(cases.index)]
    return frame.assign(case_id=frame["document_id"].map(cases)).reset_index(drop=True)


def read_codings(session: Session, spec: MatrixSpec) -> pd.DataFrame:
    """Every coding by the chosen coders: ids, code, coder and span (no text, no memo)."""
    coders = coder_ids(session, spec.coders)
    sql = 'SELECT id, document_id, code_id, coder_id, start, "end" FROM coding'
    if coders is not None:
        sql += f" WHERE coder_id IN ({', '.join(str(int(coder)) for coder in coders)})"
    # Every column is an integer: numpy builds the frame several times faster than pandas does
    # from a list of tuples.
    rows = driver_rows(session, sql)
    return pd.DataFrame(np.array(rows, dtype=np.int64).reshape(-1, len(CODING_COLUMNS)),
                        columns=CODING_COLUMNS)


def group_positions(frame: pd.DataFrame, keys: str | list[str]) -> dict[Any, np.ndarray]:
    """Each group's key (a column's value, or a tuple of them for several columns) and the
    positions of its rows in ``frame``: ``groupby(keys).indices``, keyed by the ids the columns
    hold. (pandas-stubs types the keys only as hashable and the positions loosely; at run time
    they are numpy arrays.)"""
    return cast(dict[Any, np.ndarray], frame.groupby(keys).indices)


def driver_rows(session: Session, sql: str) -> list[tuple]:
    """Rows straight from the sqlite3 cursor: 100,000 small rows come back several times faster
    than as SQLAlchemy rows."""
    raw = session.connection().connection.driver_connection
    assert raw is not None  # an open connection holds its sqlite3 connection
    cursor = raw.cursor()
    try:
        return cursor.execute(sql).fetchall()
    finally:
        cursor.close()
