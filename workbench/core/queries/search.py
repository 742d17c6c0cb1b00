"""Full-text search over documents (SQLite FTS5), with a snippet of context per hit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError

_SEARCH = text(
    """SELECT document.id, document.title, case_.name,
              snippet(document_fts, 1, :open, :close, '…', :tokens) AS snippet
       FROM document_fts
       JOIN document ON document.id = document_fts.rowid
       JOIN case_ ON case_.id = document.case_id
       WHERE document_fts MATCH :query
       ORDER BY bm25(document_fts), document.id
       LIMIT :limit"""
)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    document: str
    case: str
    snippet: str


def search_documents(
    session: Session,
    query: str,
    *,
    limit: int = 100,
    mark: tuple[str, str] = ("[", "]"),
    context_words: int = 16,
) -> list[SearchHit]:
    """Documents matching ``query``, best first.

    The query uses FTS5 syntax (words, "exact phrases", prefix*, OR, NOT); a query that is not
    valid FTS5 (a stray quote, say) is searched as plain words instead.
    """
    if not query.strip():
        raise DomainError("Type something to search for.")
    params = {"open": mark[0], "close": mark[1], "tokens": context_words, "limit": limit}
    try:
        with session.begin_nested():  # a savepoint, so a bad query leaves the read usable
            rows = session.execute(_SEARCH, {**params, "query": query}).all()
    except OperationalError:
        words = _WORD.findall(query)
        if not words:
            raise DomainError(f"The search '{query}' holds no words to look for.") from None
        plain = " ".join(f'"{word}"' for word in words)
        rows = session.execute(_SEARCH, {**params, "query": plain}).all()
    return [
        SearchHit(document_id=row[0], document=row[1], case=row[2], snippet=row[3].strip())
        for row in rows
    ]
