"""What a printed PDF adds around the text: running headers and footers, page numbers, and a
column of line or paragraph numbers at the left. Each is recognised across the whole document
and dropped, and named, so the import can say what it left out.

- A running header or footer is a row at the top or bottom of a page, set apart from the body by
  a wider gap than the page's usual line spacing or by its own font size, whose text (digits
  aside) comes back on at least half of the pages. One made only of a page number is reported
  as page numbers.
- A number column is a run of bare numbers (``12``), mostly rising, starting rows in a narrow
  band that lies left of every other line of text. Numbers on nearly every row are line
  numbers; otherwise paragraph numbers.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict

from workbench.core.importers.pdf_layout import Row

_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"\d{1,5}")
_PAGE_WORDS = r"(?:page|pagina|pag\.|p\.|blz\.?|seite|s\.)"
_PAGE_NUMBER = re.compile(rf"^[-–—\s]*(?:{_PAGE_WORDS}\s*)?#(?:\s*(?:/|of|van|von|de|sur)\s*#)?"
                          r"[-–—\s]*$")
_TRAILING_PAGE_NUMBER = re.compile(
    rf"[\s,;|·•–—-]*(?:{_PAGE_WORDS}\s*)?\d+(?:\s*(?:/|of|van|von|de|sur)\s*\d+)?[\s–—-]*$",
    re.IGNORECASE)
_ZONE_ROWS = 3


def drop_running_rows(pages: list[list[Row]]) -> tuple[list[list[Row]], list[str]]:
    """The pages without their running headers, footers and page numbers; what was dropped."""
    if len(pages) < 2:
        return pages, []
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    places: dict[tuple[int, int], tuple[str, str]] = {}
    for number, rows in enumerate(pages):
        for index, zone in _margin_rows(rows):
            key = (zone, _key(rows[index]))
            found[key].add(number)
            places[(number, index)] = key
    needed = max(2, math.ceil(0.5 * len(pages)))
    running = {key for key, where in found.items() if len(where) >= needed}
    cleaned = [[row for index, row in enumerate(rows) if places.get((number, index)) not in running]
               for number, rows in enumerate(pages)]
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (number, index), key in sorted(places.items()):
        texts[key].append(_text(pages[number][index]))
    return cleaned, _descriptions(sorted(running, key=lambda k: (k[0] != "top", k[1])), texts)


def _margin_rows(rows: list[Row]) -> list[tuple[int, str]]:
    """Rows at the top and at the bottom set apart from the body: by a wide gap, or by a
    font size of their own (a header set right above the text)."""
    if len(rows) < 2:
        return []
    gaps = [_gap(rows[i], rows[i + 1]) for i in range(len(rows) - 1)]
    positive = [gap for gap in gaps if gap > 0]
    usual = statistics.median(positive) if positive else 0.0
    body = statistics.median(_height(row) for row in rows)
    wide = [gap > usual + 0.5 * _height(rows[i]) for i, gap in enumerate(gaps)]
    found: list[tuple[int, str]] = []
    for index in range(min(_ZONE_ROWS, len(gaps))):
        if wide[index] or abs(_height(rows[index]) - body) > 0.15 * body:
            found += [(row, "top") for row in range(index + 1)]
            break
    for index in range(len(gaps) - 1, max(len(gaps) - 1 - _ZONE_ROWS, -1), -1):
        if wide[index] or abs(_height(rows[index + 1]) - body) > 0.15 * body:
            found += [(row, "bottom") for row in range(index + 1, len(rows))
                      if (row, "top") not in found]
            break
    return found


def _gap(upper: Row, lower: Row) -> float:
    return min(line.y0 for line in upper) - max(line.y1 for line in lower)


def _height(row: Row) -> float:
    return max(line.height for line in row)


def _text(row: Row) -> str:
    return " ".join(line.text for line in row)


def _key(row: Row) -> str:
    return _DIGITS.sub("#", " ".join(_text(row).split()).casefold())


def _descriptions(running: list[tuple[str, str]], texts: dict[tuple[str, str], list[str]]
                  ) -> list[str]:
    """Names for what was dropped; a number that changes from page to page is a page number."""
    described: list[str] = []
    for key in running:
        zone, normal = key
        if _PAGE_NUMBER.match(normal):
            described.append("page numbers")
            continue
        text = texts[key][0]
        numbered = len(set(texts[key])) > 1
        stripped = _TRAILING_PAGE_NUMBER.sub("", text) if numbered else text
        name = "running header" if zone == "top" else "running footer"
        described.append(f"{name} '{stripped or text}'")
        if stripped and stripped != text:
            described.append("page numbers")
    return list(dict.fromkeys(described))


def drop_number_column(pages: list[list[Row]]) -> tuple[list[list[Row]], str | None]:
    """The pages without a line- or paragraph-number column at the left; its name, if found."""
    numbers = [(page, index, row[0].words[0])
               for page, rows in enumerate(pages) for index, row in enumerate(rows)
               if row[0].words and _NUMBER.fullmatch(row[0].words[0].text)]
    if len(numbers) < 3:
        return pages, None
    size = statistics.median(row[0].height for rows in pages for row in rows)
    ends = statistics.median(word.x1 for _p, _i, word in numbers)  # right-aligned numbers
    starts = statistics.median(word.x0 for _p, _i, word in numbers)  # or left-aligned ones
    column = [(page, index, word) for page, index, word in numbers
              if min(abs(word.x1 - ends), abs(word.x0 - starts)) <= 0.6 * size]
    values = [int(word.text) for _p, _i, word in column]
    rising = sum(b > a for a, b in zip(values, values[1:], strict=False))
    if len(column) < 3 or rising < 0.75 * (len(values) - 1):
        return pages, None
    right = max(word.x1 for _p, _i, word in column)
    marked = {(page, index) for page, index, _word in column}
    rows_total = sum(len(rows) for rows in pages)
    intruders = sum(1 for page, rows in enumerate(pages) for index, row in enumerate(rows)
                    if (page, index) not in marked and row[0].x0 < right)
    if intruders > 0.1 * rows_total:
        return pages, None
    cleaned = [[_without_number(row) if (page, index) in marked else row
                for index, row in enumerate(rows)] for page, rows in enumerate(pages)]
    kind = "line numbers" if len(column) >= 0.7 * rows_total else "paragraph numbers"
    return [[row for row in rows if row] for rows in cleaned], kind


def _without_number(row: Row) -> Row:
    rest = row[0].without_first_word()
    return ([rest] if rest is not None else []) + row[1:]
