"""Lines of a PDF page rebuilt from its glyph boxes.

A PDF keeps only where each glyph was drawn, and programs differ in how they draw a line: one
text object per line, per word, or per glyph. pdfminer.six's own line grouping splits a line
wherever the gap between two glyphs passes a fixed share of a glyph's width, so words placed one
by one fell apart into "cells". Here the glyphs are grouped into rows by height and each row is
cut by gap size relative to the font size: a hair's gap or a space glyph separates words (joined
by one space), a gap wider than about a letter's height separates segments (table cells, two
columns, a number column at the left), which :mod:`pdf_layout` and :mod:`pdf_margins` sort out.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from pdfminer.layout import LTChar, LTContainer, LTImage, LTItem, LTPage

from workbench.core.importers.pdf_layout import Line, Word

UNKNOWN = "\ufffd"
WORD_GAP = 0.12  # of the font size: a wider gap between two glyphs separates two words
SEGMENT_GAP = 1.0  # of the font size: a wider gap separates two segments of a row
SLANTED_SHARE = 0.2  # letters at an angle making up more of a page than this are its text
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


class Glyph(NamedTuple):  # a named tuple: a long document has a million of them
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    centre: float


def page_glyphs(page: LTPage) -> tuple[list[Glyph], int, int, tuple[float, float]]:
    """The page's glyphs (in figures too), how many images it holds, how many letters set at an
    angle (a watermark, a note up the margin) were left out, and the page's bottom and top.

    Letters at an angle are left out when they are a small part of the page; a page whose text
    is all turned a quarter (a landscape page drawn sideways) is turned back and read.
    """
    glyphs: list[Glyph] = []
    slanted: list[Glyph] = []
    turns: Counter[int] = Counter()
    images = 0
    for item in _walk(page):
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):
                text = UNKNOWN
            size = item.size if item.size > 0 else max(item.height, 1.0)
            a, b, c, d = item.matrix[:4]
            turned = abs(b) > 0.05 * abs(a) or abs(c) > 0.05 * abs(d)
            glyph = Glyph(text.translate(_LIGATURES), item.x0, item.x1, item.y0, item.y1, size,
                          (item.y0 + item.y1) / 2)
            if turned:
                slanted.append(glyph)
                turns[round(math.degrees(math.atan2(b, a)))] += 1
            else:
                glyphs.append(glyph)
        elif isinstance(item, LTImage):
            images += 1
    if len(slanted) > SLANTED_SHARE * (len(glyphs) + len(slanted)):
        angle = turns.most_common(1)[0][0]
        box = _upright(Glyph("", page.x0, page.x1, page.y0, page.y1, 1.0, 0.0), angle)
        return [_upright(glyph, angle) for glyph in glyphs + slanted], images, 0, (box.y0, box.y1)
    return (glyphs, images, sum(1 for glyph in slanted if not glyph.text.isspace()),
            (page.y0, page.y1))


def _upright(glyph: Glyph, angle: int) -> Glyph:
    """A glyph of a page whose text runs at ``angle`` degrees, turned back to read across
    (only quarter turns; other angles stay as they are)."""
    x0, x1, y0, y1 = glyph.x0, glyph.x1, glyph.y0, glyph.y1
    if angle == 90:  # reading upwards
        x0, x1, y0, y1 = y0, y1, -x1, -x0
    elif angle == -90:  # reading downwards
        x0, x1, y0, y1 = -y1, -y0, x0, x1
    elif abs(angle) == 180:
        x0, x1, y0, y1 = -x1, -x0, -y1, -y0
    else:
        return glyph
    return glyph._replace(x0=x0, x1=x1, y0=y0, y1=y1, centre=(y0 + y1) / 2)


def _walk(container: LTContainer) -> Iterator[LTItem]:
    for item in container:
        yield item
        if isinstance(item, LTContainer):
            yield from _walk(item)


def page_rows(glyphs: list[Glyph]) -> list[list[Line]]:
    """The page's rows top to bottom, each its segments left to right."""
    rows: list[list[Glyph]] = []
    top = 0.0
    tolerance = 0.0
    for glyph in sorted(glyphs, key=lambda g: -g.centre):
        if rows and top - glyph.centre <= tolerance:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
            top = glyph.centre
            tolerance = 0.4 * max(glyph.y1 - glyph.y0, glyph.size * 0.5)
    built = [_segments(sorted(row, key=lambda g: g.x0)) for row in rows]
    return [row for row in built if row]


def _segments(row: list[Glyph]) -> list[Line]:
    words: list[list[Glyph]] = []
    space_widths: list[float] = []
    spaced = False
    previous: Glyph | None = None
    for glyph in row:
        if glyph.text.isspace() or not glyph.text:
            spaced = True
            if glyph.x1 > glyph.x0:
                space_widths.append(glyph.x1 - glyph.x0)
            continue
        if previous is not None and glyph.text == previous.text and \
                abs(glyph.x0 - previous.x0) < 0.3 * (previous.x1 - previous.x0):
            continue  # the same letter drawn twice a hair apart: "bold" made by overprinting
        if previous is None or spaced or \
                glyph.x0 - previous.x1 > WORD_GAP * max(previous.size, glyph.size):
            words.append([])
        words[-1].append(glyph)
        previous, spaced = glyph, False
    if not words:
        return []
    space = statistics.median(space_widths) if space_widths else None
    return [_line(segment, space) for segment in _split(words)]


def _split(words: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Words cut into segments at gaps wider than about a letter's height, unless every gap of
    the row is that wide and about equal (a justified line in a narrow column)."""
    pairs = list(zip(words, words[1:], strict=False))
    gaps = [b[0].x0 - a[-1].x1 for a, b in pairs]
    wide = [gap > SEGMENT_GAP * max(a[-1].size, b[0].size) for gap, (a, b) in zip(gaps, pairs,
                                                                               strict=True)]
    if len(gaps) >= 3 and all(wide) and max(gaps) <= 1.3 * min(gaps):
        return [words]
    segments = [[words[0]]]
    for word, is_wide in zip(words[1:], wide, strict=True):
        if is_wide:
            segments.append([])
        segments[-1].append(word)
    return segments


def _line(words: list[list[Glyph]], space: float | None) -> Line:
    boxes = tuple(Word("".join(g.text for g in word), word[0].x0, max(g.x1 for g in word))
                  for word in words)
    glyphs = [glyph for word in words for glyph in word]
    if space is None:
        gaps = [b.x0 - a.x1 for a, b in zip(boxes, boxes[1:], strict=False)]
        size = statistics.median(g.size for g in glyphs)
        space = min(max(statistics.median(gaps), 0.1 * size), 0.5 * size) if gaps \
            else 0.25 * size
    return Line(" ".join(word.text for word in boxes), boxes[0].x0, max(w.x1 for w in boxes),
                min(g.y0 for g in glyphs), max(g.y1 for g in glyphs),
                boxes[0].x1 - boxes[0].x0, space, boxes)
