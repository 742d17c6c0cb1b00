"""Widening a hit to its sentence, paragraph or speaker turn, and joining what then overlaps.

A *paragraph* is a non-blank line, as references and the stored layout count them (a block's
own line breaks start new paragraphs there too). A *sentence* ends after ``.``, ``!``, ``?`` or
``…`` (with any closing quotes or brackets) that white space follows, or at its paragraph's end
(the number opening a numbered paragraph, ``2.``, is no sentence);
it never runs past its paragraph. A *turn* is a stored speaker turn's spoken text (after the
label); a hit outside every turn (a heading, an untagged introduction) is left out at that scope.
A sentence or paragraph that opens a turn starts after the speaker's label (``Zoë:`` is not
what she said), and trailing white space is never coded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from workbench.core.autocode.rules import Scope

Span = tuple[int, int]
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_NUMBERING = re.compile(r"\s*\d+(?:\.\d+)*\.")  # "2." opening a numbered paragraph ends nothing


def paragraph_of(text: str, start: int, end: int) -> Span:
    """The line(s) holding ``[start, end)``."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", max(end - 1, start))
    return first, len(text) if last < 0 else last


def sentence_of(text: str, start: int, end: int) -> Span:
    """The sentence(s) holding ``[start, end)``, within their paragraph."""
    line_start, line_end = paragraph_of(text, start, end)
    first = line_start
    for match in _SENTENCE_END.finditer(text, line_start, start):
        if not _NUMBERING.fullmatch(text, line_start, match.end()):
            first = match.end()
    last = line_end
    found = _SENTENCE_END.search(text, max(end - 1, start), line_end)
    if found is not None:
        last = found.end()
    while first < start and text[first].isspace():
        first += 1
    return first, last


def turn_of(turns: Sequence[tuple[int, int, int]], start: int) -> Span | None:
    """The spoken text of the turn whose paragraph holds ``start``; turns are
    ``(label_start, start, end)`` in reading order."""
    found = bisect_right(turns, (start, float("inf"), float("inf"))) - 1
    if found < 0 or start >= turns[found][2]:
        return None
    return turns[found][1], turns[found][2]


def widen(text: str, spans: Iterable[Span], scope: Scope,
          turns: Sequence[tuple[int, int, int]] = ()) -> list[Span]:
    """Each hit widened to ``scope``; overlapping or touching results joined, in order."""
    widened: list[Span] = []
    for start, end in spans:
        if scope in (Scope.PARAGRAPH, Scope.SENTENCE):
            around = (paragraph_of if scope == Scope.PARAGRAPH else sentence_of)(text, start, end)
            widened.append(_after_label(turns, around, start))
        elif scope == Scope.TURN:
            turn = turn_of(turns, start)
            if turn is not None:
                widened.append(turn)
        else:
            widened.append((start, end))
    return join_spans(text, widened)


def _after_label(turns: Sequence[tuple[int, int, int]], span: Span, hit: int) -> Span:
    """``span`` starting after the label of a turn whose label it takes in (unless the hit is
    in the label itself)."""
    found = bisect_right(turns, (span[0], float("inf"), float("inf"))) - 1
    if found >= 0 and turns[found][0] <= span[0] < turns[found][1] <= hit:
        return turns[found][1], max(span[1], turns[found][1])
    return span


def join_spans(text: str | None, spans: Iterable[Span]) -> list[Span]:
    """Spans trimmed of trailing white space (given the text), sorted, those that overlap or
    touch joined; empty spans dropped. Joining here is what coding them does, so a preview
    counts the codings the rule makes."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        while text is not None and end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
