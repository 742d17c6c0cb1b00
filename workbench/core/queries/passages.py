"""Coded passages of some codes across cases, with a reference (case · document · ¶n) for each.

A handful of statements, whatever the number of passages: the codings (small columns only,
filters in SQL), the documents they lie in (each text read once: Python cuts every passage out
of it and numbers its paragraph), their speaker turns, and the cases. A document's text is
stored before its position, so a join that sorted by document position would walk every text
once per coding; we sort in Python.
"""

from __future__ import annotations

import json
from bisect import bisect_right, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, false, select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, canonical_value
from workbench.core.errors import DomainError
from workbench.core.model import (
    AttributeDefinition,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    SpeakerTurn,
)
from workbench.core.queries.code_tree import code_paths
from workbench.core.text import paragraph_number, paragraph_starts

REFERENCE_SEPARATOR = " · "
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_FEW = 20  # passages listed one by one (their turn, their paragraph), not their documents' all


class Passage(NamedTuple):
    coding_id: int
    code_id: int
    code: str  # the code's path, e.g. "Pedagogy of solidarity (…)/Socialisation (socialisatie)"
    code_colour: str
    coder: str
    case_id: int
    case: str
    document_id: int
    document: str
    kind: str
    start: int
    end: int
    text: str
    memo: str
    paragraph: int
    speaker: str = ""  # who speaks at the passage's start; empty outside speaker turns
    time: str = ""  # when the turn the passage starts in starts, as written (e.g. 00:14:05)

    @property
    def reference(self) -> str:
        """Where the passage stands, e.g. ``Solidaire keuken · Interview met Zoë · ¶3``, with
        the time of its turn in the recording where the transcript gives it (``¶3, 00:14:05``)."""
        time = f", {self.time}" if self.time else ""
        return REFERENCE_SEPARATOR.join((self.case, self.document, f"¶{self.paragraph}{time}"))


@dataclass(frozen=True)
class FilterChoices:
    """What passages can be filtered by, for the filter controls."""

    cases: list[tuple[int, str]] = field(default_factory=list)
    coders: list[tuple[int, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)  # name -> stored values


def list_passages(session: Session, code_ids: Iterable[int], *, include_subcodes: bool = True,
                  case_ids: Iterable[int] | None = None,
                  coders: Iterable[int | str] | None = None,
                  kinds: Iterable[str] | None = None,
                  attributes: Mapping[str, Iterable[AttributeValue]] | None = None,
                  coding_ids: Iterable[int] | None = None) -> list[Passage]:
    """Passages coded with ``code_ids`` (and their sub-codes), in reading order.

    Filters left at ``None`` do not restrict; ``coders`` takes ids or names; ``attributes`` maps an
    attribute name to the values a passage's case may have (as stored or typed: ``"yes"``, True);
    ``coding_ids`` keeps only these codings (a list updating itself after a coding action).
    """
    wanted = _code_set(session, set(code_ids), include_subcodes)
    if not wanted:
        return []
    query = _coding_query(sorted(wanted))
    if coding_ids is not None:
        query = query.where(Coding.id.in_(sorted(set(coding_ids))))
    if coders is not None:
        query = query.where(_coder_condition(list(coders)))
    documents = _document_filter(session, case_ids, kinds, attributes)
    if documents is not None:
        query = query.where(Coding.document_id.in_(documents))
    rows = list(session.execute(query).all())
    few = coding_ids is not None and len(rows) <= _FEW  # a list updating itself after an action
    texts = _documents(session, {row[3] for row in rows}, with_turns=not few)
    if few:
        for row in rows:
            texts[row[3]].add_turn_at(session, row[3], row[4])
    cases = {case_id: (position, name) for case_id, position, name in session.execute(
        select(Case.id, Case.position, Case.name))}
    rows.sort(key=lambda r: (cases[texts[r[3]].case_id][0], texts[r[3]].case_id,
                             texts[r[3]].position, r[3], r[4], r[5], r[0]))
    paths = code_paths(session)
    return [_passage(row, texts[row[3]], cases[texts[row[3]].case_id][1], paths, few)
            for row in rows]


def filter_choices(session: Session) -> FilterChoices:
    """Cases, coders, document kinds and attribute values present in the project."""
    values: dict[str, list[str]] = {}
    for name, value in session.execute(
            select(AttributeDefinition.name, CaseAttributeValue.value).distinct()
            .join(CaseAttributeValue, CaseAttributeValue.attribute_id == AttributeDefinition.id)
            .order_by(AttributeDefinition.position, AttributeDefinition.name,
                      CaseAttributeValue.value)):
        values.setdefault(name, []).append(value)
    return FilterChoices(
        cases=[(row[0], row[1]) for row in session.execute(
            select(Case.id, Case.name).order_by(Case.position, Case.id))],
        coders=[(row[0], row[1]) for row in session.execute(
            select(Coder.id, Coder.name).order_by(Coder.name))],
        kinds=[str(kind) for kind in session.scalars(
            select(Document.kind).distinct().order_by(Document.kind))],
        attributes=values,
    )


class _Document:
    """A document's place, kind and text, where its paragraphs start, and its speaker turns."""

    __slots__ = ("case_id", "position", "title", "kind", "text", "_starts", "_turns")

    def __init__(self, case_id: int, position: int, title: str, kind: object, text: str) -> None:
        self.case_id, self.position, self.title = case_id, position, title
        self.kind, self.text = str(kind), text
        self._starts: list[int] | None = None  # found when first asked
        self._turns: list[tuple[int, int, str, str]] = []  # (label start, end, speaker, time)

    def paragraph(self, position: int) -> int:
        if self._starts is None:
            self._starts = paragraph_starts(self.text)
        return max(paragraph_number(self._starts, position), 1)  # a lead-in blank counts as ¶1

    def paragraph_alone(self, position: int) -> int:
        """:meth:`paragraph` for one passage: the paragraphs up to its line, not the whole text."""
        line_end = self.text.find("\n", position)
        return max(len(paragraph_starts(self.text[:line_end if line_end >= 0 else None])), 1)

    def add_turn_at(self, session: Session, document_id: int, position: int) -> None:
        """The one turn that may hold ``position`` (for a few passages: not every turn)."""
        found = session.execute(
            select(SpeakerTurn.label_start, SpeakerTurn.end, SpeakerTurn.speaker,
                   SpeakerTurn.timestamp)
            .where(SpeakerTurn.document_id == document_id, SpeakerTurn.label_start <= position)
            .order_by(SpeakerTurn.label_start.desc()).limit(1)).first()
        if found is not None:
            turn: tuple[int, int, str, str] = (found[0], found[1], found[2], found[3])
            if turn not in self._turns:
                insort(self._turns, turn)

    def add_turn(self, label_start: int, end: int, speaker: str, time: str) -> None:
        self._turns.append((label_start, end, speaker, time))

    def speaker(self, position: int) -> tuple[str, str]:
        """Who speaks at ``position`` and when the turn starts (empty outside turns)."""
        found = bisect_right(self._turns, (position, float("inf"))) - 1
        if found < 0 or position >= self._turns[found][1]:
            return "", ""
        return self._turns[found][2], self._turns[found][3]


def _passage(row: tuple, document: _Document, case: str, paths: dict[int, str],
             few: bool = False) -> Passage:
    coding_id, code_id, colour, document_id, start, end, memo, coder = row
    paragraph = document.paragraph_alone if few else document.paragraph
    return Passage(coding_id, code_id, paths.get(code_id, "?"), colour, coder, document.case_id,
                   case, document_id, document.title, document.kind, start, end,
                   document.text[start:end], memo, paragraph(start), *document.speaker(start))


def _coding_query(code_ids: list[int]) -> Select:
    return (
        select(Coding.id, Coding.code_id, Code.colour, Coding.document_id, Coding.start,
               Coding.end, Coding.memo, Coder.name)
        .join(Code, Coding.code_id == Code.id)
        .join(Coder, Coding.coder_id == Coder.id)
        .where(Coding.code_id.in_(code_ids))
    )


def _code_set(session: Session, roots: set[int], include_subcodes: bool) -> set[int]:
    parents = dict(session.execute(select(Code.id, Code.parent_id)).all())
    if not include_subcodes:
        return roots & parents.keys()
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found, pending = set(), [code for code in roots if code in parents]
    while pending:
        code = pending.pop()
        if code not in found:
            found.add(code)
            pending.extend(children.get(code, ()))
    return found


def _coder_condition(coders: list[int | str]) -> ColumnElement[bool]:
    ids = [coder for coder in coders if isinstance(coder, int)]
    names = [coder for coder in coders if isinstance(coder, str)]
    return Coding.coder_id.in_(ids) | Coding.coder_id.in_(
        select(Coder.id).where(Coder.name.in_(names)))


def _document_filter(session: Session, case_ids: Iterable[int] | None, kinds: Iterable[str] | None,
                     attributes: Mapping[str, Iterable[AttributeValue]] | None) -> Select | None:
    """The documents the case, kind and attribute filters leave (None: no such filter)."""
    if case_ids is None and kinds is None and not attributes:
        return None
    query = select(Document.id)
    if case_ids is not None:
        query = query.where(Document.case_id.in_(list(case_ids)))
    if kinds is not None:
        query = query.where(Document.kind.in_([str(kind) for kind in kinds]))
    for name, values in (attributes or {}).items():
        query = query.where(Document.case_id.in_(_cases_with(session, name, values)))
    return query


def _cases_with(session: Session, name: str, values: Iterable[AttributeValue]) -> Select:
    """Cases whose attribute ``name`` holds one of ``values`` (compared in the stored form)."""
    definition = session.scalar(select(AttributeDefinition).where(AttributeDefinition.name == name))
    if definition is None:
        return select(Case.id).where(false())
    stored = [_stored_form(definition, value) for value in values]
    return select(CaseAttributeValue.case_id).where(
        CaseAttributeValue.attribute_id == definition.id, CaseAttributeValue.value.in_(stored))


def _stored_form(definition: AttributeDefinition, value: AttributeValue) -> str:
    try:
        return canonical_value(definition.type, value, tuple(json.loads(definition.choices_json)))
    except DomainError:
        return str(value)  # not a valid value of this attribute: it matches nothing stored


def _documents(session: Session, document_ids: set[int],
               with_turns: bool = True) -> dict[int, _Document]:
    """Each document read once: slicing a Python string is constant time, where SQLite's
    ``substr`` walks the UTF-8 text from its start for every coding."""
    documents: dict[int, _Document] = {}
    ids = sorted(document_ids)
    for chunk in range(0, len(ids), _CHUNK):
        part = ids[chunk:chunk + _CHUNK]
        rows = session.execute(
            select(Document.id, Document.case_id, Document.position, Document.title,
                   Document.kind, Document.text)
            .where(Document.id.in_(part)))
        documents.update((row[0], _Document(*row[1:])) for row in rows)
        if not with_turns:
            continue
        turns = session.execute(
            select(SpeakerTurn.document_id, SpeakerTurn.label_start, SpeakerTurn.end,
                   SpeakerTurn.speaker, SpeakerTurn.timestamp)
            .where(SpeakerTurn.document_id.in_(part))
            .order_by(SpeakerTurn.document_id, SpeakerTurn.label_start))
        for document_id, label_start, end, speaker, time in turns:
            documents[document_id].add_turn(label_start, end, speaker, time)
    return documents
