"""An independent computation of matrix cells with plain sqlite3 (and a character mask for words).

It shares nothing with the builder: the code tree is walked by a recursive SQL query, counts and
documents are SQL aggregates, and words coded are found by marking every coded character of a
document and counting the words that touch a mark.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from pathlib import Path

WORD = re.compile(r"\w+(?:['’\-]\w+)*")  # the project's definition of a word

THEMES = """WITH RECURSIVE tree(id, col) AS (
    SELECT id, id FROM code WHERE parent_id IS NULL
    UNION ALL SELECT code.id, tree.col FROM code JOIN tree ON code.parent_id = tree.id)"""
CODES = "WITH tree(id, col) AS (SELECT id, id FROM code)"


def _where(coders: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[str, list]:
    clauses, parameters = ["1"], []
    if coders:
        clauses.append(f"coder.name IN ({', '.join('?' * len(coders))})")
        parameters += list(coders)
    if kinds:
        clauses.append(f"document.kind IN ({', '.join('?' * len(kinds))})")
        parameters += list(kinds)
    return " AND ".join(clauses), parameters


def oracle(path: Path, columns: str, coders: tuple[str, ...] = (),
           kinds: tuple[str, ...] = ()) -> dict[str, dict[tuple[int, int], float]]:
    """{mode: {(case id, column code id): value}} for count, documents, words and share."""
    where, parameters = _where(coders, kinds)
    joins = f"""FROM coding JOIN tree ON tree.id = coding.code_id
        JOIN document ON document.id = coding.document_id
        JOIN coder ON coder.id = coding.coder_id WHERE {where}"""
    head = THEMES if columns == "themes" else CODES
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result: dict[str, dict[tuple[int, int], float]] = {"count": {}, "documents": {}}
        for case, col, count, documents in connection.execute(
                f"""{head} SELECT document.case_id, tree.col, count(*),
                    count(DISTINCT coding.document_id) {joins} GROUP BY 1, 2""", parameters):
            result["count"][(case, col)] = count
            result["documents"][(case, col)] = documents
        spans = connection.execute(
            f"""{head} SELECT document.case_id, tree.col, document.id, coding.start, coding."end"
                {joins}""", parameters).fetchall()
        texts = dict(connection.execute("SELECT id, text FROM document"))
        kind_clause = f"WHERE kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        totals = dict(connection.execute(
            f"SELECT case_id, sum(word_count) FROM document {kind_clause} GROUP BY case_id",
            list(kinds)))
    finally:
        connection.close()
    result["words"] = _words(spans, texts)
    result["share"] = {cell: words / totals[cell[0]] for cell, words in result["words"].items()}
    return result


def _words(spans: list[tuple], texts: dict[int, str]) -> dict[tuple[int, int], float]:
    marks: dict[tuple[int, int, int], bytearray] = {}
    for case, col, document, start, end in spans:
        mask = marks.setdefault((case, col, document), bytearray(len(texts[document])))
        mask[start:end] = b"\x01" * (end - start)
    words: dict[tuple[int, int], float] = defaultdict(int)
    for (case, col, document), mask in marks.items():
        words[(case, col)] += sum(1 for m in WORD.finditer(texts[document])
                                  if any(mask[m.start():m.end()]))
    return dict(words)
