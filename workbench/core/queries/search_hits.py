"""Where a full-text search hits: exact positions (code points) of each hit in the stored texts.

FTS5 decides which documents match; this module finds where, by reading the query the way FTS5
does (words, "phrases", prefix*, ^initial, NEAR, AND / OR / NOT, column filters) and matching
its terms against each text folded as the ``unicode61 remove_diacritics 2`` tokenizer folds it:
case folded, accents off Latin letters, every character that is not a letter, digit or mark a
separator. A folded copy of the text keeps every character's position, so a match in the copy
is a hit at the same place in the stored text. NEAR groups are highlighted term by term (the
distance is FTS5's to check); terms after NOT, or in a filter on the title only, are not hits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError

DEFAULT_MAX_HITS = 5000
_TEXT_COLUMN = "text"
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")  # words kept when a query is not valid FTS5 (as search_documents does)
_QUERY_TOKEN = re.compile(
    r'\s*(?:"(?P<string>(?:[^"]|"")*)"|(?P<bare>[A-Za-z0-9_\x1a\u0080-\U0010ffff]+)|(?P<op>[-*+^:(){},]))')
_MATCHING = text(
    """SELECT document.id, document.title, case_.name, document.text
       FROM document_fts
       JOIN document ON document.id = document_fts.rowid
       JOIN case_ ON case_.id = document.case_id
       WHERE document_fts MATCH :query
       ORDER BY case_.position, case_.id, document.position, document.id"""
)
_CHECK = text("SELECT rowid FROM document_fts WHERE document_fts MATCH :query LIMIT 1")


@dataclass(frozen=True)
class Term:
    """One phrase of a query as folded tokens; a starred token matches as a word prefix."""

    tokens: tuple[tuple[str, bool], ...]  # (folded token, is prefix)
    initial: bool = False  # ^term: only at the start of the text


@dataclass(frozen=True)
class TextHit:
    document_id: int
    document: str
    case: str
    start: int  # code points, half-open [start, end)
    end: int
    text: str  # the hit as the document has it
    before: str  # context on one line, "…" where it was cut
    after: str

    @property
    def snippet(self) -> str:
        return f"{self.before}{self.text}{self.after}"


@dataclass(frozen=True)
class HitSearch:
    query: str  # the query FTS5 ran (a query that is not valid FTS5 is searched as plain words)
    hits: list[TextHit]
    truncated: bool  # more hits than max_hits: the rest are not listed

    @property
    def documents(self) -> int:
        """Documents with at least one hit listed."""
        return len({hit.document_id for hit in self.hits})


# -- folding, as unicode61 remove_diacritics 2 ------------------------------------------------


class _FoldTable(dict[int, str]):
    """str.translate table: each character to one folded character, separators to a space."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


def _fold_character(character: str) -> str:
    category = unicodedata.category(character)
    if category[0] not in "LNM" and category != "Co":
        return " "
    folded = character.casefold()
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    if len(bare) == 1 and bare.isascii():
        return bare
    return folded if len(folded) == 1 else character.lower()[:1] or character


_FOLD = _FoldTable()


def fold_text(value: str) -> str:
    """The text as the index sees it, character for character (same length, same positions)."""
    return value.translate(_FOLD)


# -- reading the query -------------------------------------------------------------------------


def query_terms(query: str) -> list[Term]:
    """The phrases of an FTS5 query whose occurrences in a document's text are hits."""
    return _QueryReader(query).read()


class _QueryReader:
    """Recursive descent over FTS5's grammar; precedence NOT > AND > OR."""

    def __init__(self, query: str) -> None:
        self.items = list(_lex(query))
        self.at = 0
        self.terms: list[Term] = []

    def read(self) -> list[Term]:
        while self.at < len(self.items):
            self._or(keep=True)
            self.at += 1  # a stray ')' or ',': FTS5 accepted the query, so carry on
        return self.terms

    def _item(self, index: int) -> tuple[str, str] | None:
        return self.items[index] if index < len(self.items) else None

    def _is_at(self, index: int, kind: str, value: str | None = None) -> bool:
        item = self._item(index)
        return item is not None and item[0] == kind and (value is None or item[1] == value)

    def _is(self, kind: str, value: str | None = None) -> bool:
        return self._is_at(self.at, kind, value)

    def _at_phrase(self) -> bool:
        return self._is("string") or self._is("bare")

    def _take(self) -> tuple[str, str]:
        item = self.items[self.at]
        self.at += 1
        return item

    def _or(self, keep: bool) -> None:
        self._and(keep)
        while self._is("bare", "OR"):
            self._take()
            self._and(keep)

    def _and(self, keep: bool) -> None:
        self._not(keep)
        while self._starts_operand() or self._is("bare", "AND"):
            if self._is("bare", "AND"):
                self._take()
            self._not(keep)

    def _not(self, keep: bool) -> None:
        self._primary(keep)
        while self._is("bare", "NOT"):
            self._take()
            self._primary(keep=False)

    def _starts_operand(self) -> bool:
        item = self._item(self.at)
        if item is None:
            return False
        kind, value = item
        return kind == "string" or (kind == "bare" and value not in ("AND", "OR", "NOT")) or (
            kind == "op" and value in "-{(^")

    def _primary(self, keep: bool) -> None:
        keep = self._columns(keep)
        initial = self._is("op", "^")
        if initial:
            self._take()
        if self._is("op", "("):
            self._take()
            self._or(keep)
            if self._is("op", ")"):
                self._take()
        elif self._is("bare", "NEAR") and self._is_at(self.at + 1, "op", "("):
            self._near(keep)
        elif self._at_phrase():
            term = self._phrase(initial)
            if keep and term.tokens:
                self.terms.append(term)
        elif self._item(self.at) is not None:
            self._take()  # an operator out of place: skip it

    def _columns(self, keep: bool) -> bool:
        """Read a column filter (``title:``, ``{title text}:``, ``-title:``); False once the
        filter leaves out the text column."""
        negated = self._is("op", "-")
        at = self.at + (1 if negated else 0)
        names: set[str] = set()
        if self._is_at(at, "bare") and self._is_at(at + 1, "op", ":"):
            names.add(self.items[at][1].lower())
            at += 2
        elif self._is_at(at, "op", "{"):
            at += 1
            while self._is_at(at, "bare"):
                names.add(self.items[at][1].lower())
                at += 1
            if not (self._is_at(at, "op", "}") and self._is_at(at + 1, "op", ":")):
                return keep
            at += 2
        else:
            return keep
        self.at = at
        return keep and ((_TEXT_COLUMN in names) != negated)

    def _near(self, keep: bool) -> None:
        self.at += 2  # NEAR (
        while self._item(self.at) is not None and not self._is("op", ")"):
            if self._is("op", ","):
                self.at += 2  # , N
            elif self._at_phrase():
                term = self._phrase(initial=False)
                if keep and term.tokens:
                    self.terms.append(term)
            else:
                self._take()
        if self._is("op", ")"):
            self._take()

    def _phrase(self, initial: bool) -> Term:
        tokens: list[tuple[str, bool]] = []
        while True:
            words = fold_text(self._take()[1]).split()
            prefix = self._is("op", "*")
            if prefix:
                self._take()
            tokens.extend((word, prefix and n == len(words) - 1) for n, word in enumerate(words))
            if not (self._is("op", "+") and (self._is_at(self.at + 1, "string")
                                             or self._is_at(self.at + 1, "bare"))):
                return Term(tuple(tokens), initial)
            self._take()


def _lex(query: str) -> Iterator[tuple[str, str]]:
    position = 0
    while position < len(query):
        match = _QUERY_TOKEN.match(query, position)
        if match is None:
            position += 1  # a character FTS5 would have refused; the query we run is valid
            continue
        position = match.end()
        kind = match.lastgroup
        if kind is None:
            continue
        value = match.group(kind)
        yield kind, value.replace('""', '"') if kind == "string" else value


# -- finding the hits --------------------------------------------------------------------------


def term_pattern(term: Term) -> re.Pattern[str]:
    """A pattern over folded text: whole tokens, one or more separators between them."""
    parts = [re.escape(token) + (r"\S*" if prefix else "") for token, prefix in term.tokens]
    return re.compile(r"(?<!\S)" + " +".join(parts) + r"(?!\S)")


def hit_spans(value: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the terms occur in ``value``, in code points; overlapping occurrences joined."""
    folded = fold_text(value)
    first_token = len(folded) - len(folded.lstrip(" "))
    spans = sorted(
        (match.start(), match.end())
        for term in terms
        for match in term_pattern(term).finditer(folded)
        if not term.initial or match.start() == first_token
    )
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def hit_context(value: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """About ``width`` characters of context either side, on one line, cut at whole words."""
    before = _one_line(value[max(0, start - width):start])
    if start > width:
        _partial, space, rest = before.partition(" ")
        before = "…" + (rest if space and rest else before)
    after = _one_line(value[end:end + width])
    if end + width < len(value):
        rest, space, _partial = after.rpartition(" ")
        after = (rest if space and rest else after) + "…"
    return before, after


def _one_line(piece: str) -> str:
    return _SPACES.sub(" ", piece)


def search_hits(session: Session, query: str, *, max_hits: int = DEFAULT_MAX_HITS,
                context_chars: int = 60) -> HitSearch:
    """Every hit of ``query`` in the documents' texts, in reading order (case, document, place)."""
    effective = runnable_query(session, query)
    terms = query_terms(effective)
    hits: list[TextHit] = []
    for document_id, title, case, value in session.execute(_MATCHING, {"query": effective}):
        for start, end in hit_spans(value, terms):
            if len(hits) == max_hits:
                return HitSearch(effective, hits, truncated=True)
            before, after = hit_context(value, start, end, context_chars)
            hits.append(
                TextHit(document_id, title, case, start, end, value[start:end], before, after)
            )
    return HitSearch(effective, hits, truncated=False)


def runnable_query(session: Session, query: str) -> str:
    """The query itself if FTS5 accepts it, else its words as a plain search."""
    if not query.strip():
        raise DomainError("Type something to search for.")
    try:
        with session.begin_nested():  # a savepoint, so a refused query leaves the read usable
            session.execute(_CHECK, {"query": query}).all()
        return query
    except OperationalError:
        words = _WORD.findall(query)
        if not words:
            raise DomainError(f"The search '{query}' holds no words to look for.") from None
        return " ".join(f'"{word}"' for word in words)
