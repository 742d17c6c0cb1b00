"""Finding what a rule codes: passages ``[start, end)`` in the chosen documents, in reading order.

The preview and the action both call :func:`find_passages`, so the action codes exactly what
the preview counted. Texts are read in chunks of documents, and only those of documents the
rule can find something in (a query's matches as FTS5 finds them; turns of the speakers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.core.autocode.extent import Span, join_spans, widen
from workbench.core.autocode.rules import (
    Rule,
    Scope,
    SpeakerRule,
    StructureRule,
    TextRule,
    check_rule,
    compiled,
)
from workbench.core.autocode.sections import Heading, find_headings, sections
from workbench.core.jobs import JobControl
from workbench.core.model import Case, Document, DocumentHeading, SpeakerTurn
from workbench.core.queries.search_hits import Term, hit_spans, query_terms, runnable_query
from workbench.core.text import fold

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_MATCHING = text("SELECT rowid FROM document_fts WHERE document_fts MATCH :query")


@dataclass(frozen=True)
class Found:
    document_id: int
    start: int
    end: int


def find_passages(session: Session, rule: Rule, document_ids: Sequence[int],
                  control: JobControl | None = None) -> list[Found]:
    """What ``rule`` codes in ``document_ids`` (given in reading order), overlaps joined.

    ``control`` is told of each document read, and may stop the search between documents."""
    check_rule(rule)
    control = control or JobControl()
    if isinstance(rule, SpeakerRule):
        return _speaker_turns(session, rule, document_ids)
    terms: list[Term] = []
    if isinstance(rule, TextRule) and rule.query:
        query = runnable_query(session, rule.query)
        terms = query_terms(query)
        matching = {row_id for (row_id,) in session.execute(_MATCHING, {"query": query})}
        document_ids = [document_id for document_id in document_ids if document_id in matching]
    structure = isinstance(rule, StructureRule)
    stored = _stored_headings(session, document_ids) if structure else {}
    found: list[Found] = []
    for number, (document_id, value, turns) in enumerate(
            _texts(session, document_ids,
                   isinstance(rule, StructureRule) or rule.scope != Scope.HIT)):
        control.check()
        control.report(number, len(document_ids), "")
        if structure:
            assert isinstance(rule, StructureRule)
            headings = [Heading(start, end, level, value[start:end])
                        for level, start, end in stored.get(document_id, [])]
            spans = sections(value, compiled(rule.heading, "heading pattern"), headings or
                             find_headings(value, {label for label, _start, _end in turns}))
            found.extend(Found(document_id, s, e) for s, e in join_spans(value, spans))
        else:
            found.extend(Found(document_id, start, end)
                         for start, end in _in_text(rule, terms, value, turns))
    return found


def _stored_headings(session: Session, document_ids: Sequence[int]
                     ) -> dict[int, list[tuple[int, int, int]]]:
    """The headings the import stored (level, start, end), by document, in reading order."""
    stored: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    ids = list(document_ids)
    for chunk in range(0, len(ids), _CHUNK):
        for document_id, level, start, end in session.execute(
                select(DocumentHeading.document_id, DocumentHeading.level, DocumentHeading.start,
                       DocumentHeading.end)
                .where(DocumentHeading.document_id.in_(ids[chunk:chunk + _CHUNK]))
                .order_by(DocumentHeading.document_id, DocumentHeading.start)):
            stored[document_id].append((level, start, end))
    return stored


def _in_text(rule: Rule, terms: list[Term], value: str,
             turns: list[tuple[int, int, int]]) -> list[Span]:
    assert isinstance(rule, TextRule)
    if rule.query:
        hits = hit_spans(value, terms)
    else:
        hits = [match.span() for match in compiled(rule.regex, "regular expression").finditer(value)
                if match.end() > match.start()]
    return widen(value, hits, rule.scope, turns)


def list_speakers(session: Session) -> list[str]:
    """Every speaker with a stored turn, sorted case- and accent-blind."""
    names = session.scalars(select(SpeakerTurn.speaker).distinct())
    return sorted(names, key=lambda name: (fold(name), name))


def widen_hits(session: Session, hits: Sequence[Found], scope: Scope) -> list[Found]:
    """Chosen hits (say, those selected in the search panel) widened to ``scope``, joined."""
    by_document: dict[int, list[Span]] = defaultdict(list)
    for hit in hits:
        by_document[hit.document_id].append((hit.start, hit.end))
    return [Found(document_id, start, end)
            for document_id, value, turns in _texts(session, list(by_document), scope != Scope.HIT)
            for start, end in widen(value, by_document[document_id], scope, turns)]


def reading_order(session: Session, document_ids: set[int] | None = None) -> list[int]:
    """Document ids in reading order (case, then document); all of them when ``None``."""
    query = (select(Document.id).join(Case, Document.case_id == Case.id)
             .order_by(Case.position, Case.id, Document.position, Document.id))
    ordered = list(session.scalars(query))
    return ordered if document_ids is None else [d for d in ordered if d in document_ids]


def _texts(session: Session, document_ids: Sequence[int], with_turns: bool
           ) -> Iterator[tuple[int, str, list[tuple[int, int, int]]]]:
    """Each document's text (and its turns: label start, start, end), in the order given."""
    for chunk_start in range(0, len(document_ids), _CHUNK):
        chunk = list(document_ids[chunk_start:chunk_start + _CHUNK])
        texts = dict(session.execute(
            select(Document.id, Document.text).where(Document.id.in_(chunk))).all())
        turns: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        if with_turns:
            for document_id, label_start, start, end in session.execute(
                    select(SpeakerTurn.document_id, SpeakerTurn.label_start, SpeakerTurn.start,
                           SpeakerTurn.end)
                    .where(SpeakerTurn.document_id.in_(chunk))
                    .order_by(SpeakerTurn.document_id, SpeakerTurn.label_start)):
                turns[document_id].append((label_start, start, end))
        for document_id in chunk:
            yield document_id, texts[document_id], turns[document_id]


def _speaker_turns(session: Session, rule: SpeakerRule, document_ids: Sequence[int]) -> list[Found]:
    wanted = {fold(name) for name in rule.speakers if name.strip()}
    pattern = compiled(rule.pattern, "speaker pattern") if rule.pattern else None
    spans: dict[int, list[Span]] = defaultdict(list)
    ids = list(document_ids)
    for chunk_start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(SpeakerTurn.document_id, SpeakerTurn.speaker, SpeakerTurn.start,
                   SpeakerTurn.end)
            .where(SpeakerTurn.document_id.in_(ids[chunk_start:chunk_start + _CHUNK])))
        for document_id, speaker, start, end in rows:
            matches = (pattern.fullmatch(speaker) is not None if pattern is not None
                       else fold(speaker) in wanted)
            if matches and end > start:
                spans[document_id].append((start, end))
    return [Found(document_id, start, end) for document_id in ids
            for start, end in join_spans(None, spans.get(document_id, []))]
