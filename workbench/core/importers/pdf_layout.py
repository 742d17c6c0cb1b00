"""From positioned lines on a PDF page back to paragraphs and table rows.

A PDF keeps only where each line was drawn (:mod:`pdf_glyphs` rebuilds the lines). Segments at
the same height side by side are a table row (cells joined by a tab). Other lines belong to one
paragraph until the gap below a line is clearly wider than the page's usual line spacing, or a
line stops short while the next line's first word would still have fitted (the typesetter would
have put it there). The same test joins a paragraph that goes on in the next column or on the
next page. Lines of one paragraph are joined with a space; a word hyphenated at a line end is
joined again when that is safe (see :func:`join_lines`).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace

_CONJUNCTIONS = frozenset("en of tot and or to nor et ou und oder noch".split())
_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_BULLETS = tuple("•◦▪●■‣")  # a line starting with one starts a list item
COMPOUND = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Line:
    """One segment of a row: words close enough to read as one line."""

    text: str
    x0: float
    x1: float
    y0: float  # bottom (PDF coordinates grow upwards)
    y1: float  # top
    first_word_width: float
    space_width: float
    words: tuple[Word, ...] = ()

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def without_first_word(self) -> Line | None:
        """The line with its first word left out (a line number), or None if nothing is left."""
        rest = self.words[1:]
        if not rest:
            return None
        return replace(self, text=" ".join(word.text for word in rest), x0=rest[0].x0,
                       first_word_width=rest[0].x1 - rest[0].x0, words=rest)


Row = list[Line]
TableRow = tuple[list[Line], ...]  # its cells, each the lines it holds


def right_edge(rows: list[Row]) -> float:
    """Where the lines of a page or column end: the rightmost end of a line outside tables."""
    singles = [row[0] for row in rows if len(row) == 1]
    return max((line.x1 for line in singles), default=0.0)


def page_blocks(rows: list[Row]) -> list[list[Line] | TableRow]:
    """Paragraphs (lists of lines) and table rows (tuples of cells, each its lines) of one page
    or column. A line right under a row's last cell, starting where that cell starts, goes on in
    the cell (a transcript laid out as speaker | text, the text wrapping in its column)."""
    singles = [row[0] for row in rows if len(row) == 1]
    right = right_edge(rows)
    gaps = [a.y0 - b.y1 for a, b in zip(singles, singles[1:], strict=False) if a.y0 >= b.y1]
    usual = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 4 else min(gaps, default=0.0)
    blocks: list[list[Line] | TableRow] = []
    paragraph: list[Line] = []
    for row in rows:
        if len(row) > 1:
            if paragraph:
                blocks.append(paragraph)
                paragraph = []
            blocks.append(tuple([line] for line in row))
            continue
        line = row[0]
        last = blocks[-1] if blocks and not paragraph else None
        if isinstance(last, tuple) and _goes_on_in_cell(last, line, usual):
            last[-1].append(line)
            continue
        if paragraph and _starts_paragraph(paragraph[-1], line, usual, right):
            blocks.append(paragraph)
            paragraph = []
        paragraph.append(line)
    if paragraph:
        blocks.append(paragraph)
    return blocks


def _goes_on_in_cell(row: TableRow, line: Line, usual_gap: float) -> bool:
    cell = row[-1]
    gap = cell[-1].y0 - line.y1
    return (abs(line.x0 - cell[0].x0) <= 0.5 * line.height
            and line.x0 > max(first.x1 for first in row[0])
            and -line.height < gap <= usual_gap + 0.5 * line.height)


def _starts_paragraph(previous: Line, line: Line, usual_gap: float, right: float) -> bool:
    gap = previous.y0 - line.y1
    if gap > usual_gap + 0.5 * max(previous.height, line.height) or gap < -previous.height:
        return True
    if line.text.startswith(_BULLETS):
        return True
    if previous.text.endswith(("-", "\u00ad")):
        return False
    room = right - previous.x1
    return room > previous.space_width + line.first_word_width + 0.5 * previous.space_width


def continues(previous: Line, right: float, line: Line, left: float) -> bool:
    """Whether ``line``, first in its column or page, goes on with the paragraph that ended the
    last one with ``previous``: that line was full (or hyphenated) and ``line`` is not indented.
    ``right`` and ``left`` are the edges of the two columns."""
    if line.x0 - left > 1.5 * line.space_width or line.text.startswith(_BULLETS):
        return False
    if previous.text.endswith(("-", "\u00ad")):
        return True
    room = right - previous.x1
    return room <= previous.space_width + line.first_word_width + 0.5 * previous.space_width


def join_lines(lines: list[str], compounds: set[str]) -> tuple[str, int]:
    """Join a paragraph's lines; returns the text and how many hyphenated words were joined.

    A line ending in a soft hyphen is always joined. One ending in letters and a hyphen is joined
    without the hyphen only when the next line starts with a lower-case letter, the next word is
    not a conjunction (``dag- en nachtploeg`` keeps its hyphen) and the document does not write
    the pair with a hyphen elsewhere (``WhatsApp-groep``). Otherwise the hyphen stays and the
    lines join without a space (``Oost-`` + ``Vlaanderen``).
    """
    text, repaired = lines[0], 0
    for line in lines[1:]:
        ending = _HYPHENATED_END.search(text)
        first = _FIRST_WORD.match(line)
        if text.endswith("\u00ad"):
            text = text[:-1] + line
            repaired += 1
        elif ending and first:
            pair = f"{ending.group(1)}-{first.group(1)}".casefold()
            if (first.group(1)[0].islower() and first.group(1).casefold() not in _CONJUNCTIONS
                    and pair not in compounds):
                text = text[:-1] + line
                repaired += 1
            else:
                text += line
        else:
            text += " " + line
    return text, repaired


def compounds_in(lines: Iterable[str]) -> set[str]:
    """Hyphenated word pairs written inside lines, to recognise real compounds at line ends."""
    return {match.group(0).casefold() for line in lines for match in COMPOUND.finditer(line)}
