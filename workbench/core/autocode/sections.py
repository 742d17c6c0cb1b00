"""Headings and the sections under them.

Where the source file marked its headings (Word, OpenDocument, HTML), the import stored them
(:class:`workbench.core.model.DocumentHeading`) and those are used. Elsewhere (plain text, PDF,
RTF, documents stored before format 3 or merged from elsewhere) every heading was laid out as a
block of its own like any paragraph (see :mod:`workbench.core.importers.blocks`), so a heading
is recognised by its shape, one rule for every source format:

- a paragraph (a non-blank line) standing alone as a block: a blank line (or the start of the
  text) before it and a blank line (or the end of the text) after it, with text still to come;
- short: at most 100 characters and 12 words, holding a letter;
- not a sentence: it does not end in ``. , ; : ! ? …`` (``Interviewer:`` is a label);
- not a speaker turn's label line (``INTERVIEWER`` standing alone opens a turn, not a section).

Its level is its number's depth (``2`` and ``2.`` level 1, ``2.1`` level 2), the count of
Markdown's ``#`` marks, else 1. A section is the text under its heading, up to the next heading
of the same or a higher level (a lower number), or the end of the text; sub-sections are part
of it. The heading line itself is not coded.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

_NUMBERED = re.compile(r"(\d+(?:\.\d+)*)\.?\s+\S")
_MARKDOWN = re.compile(r"(#{1,6})\s+\S")
_SENTENCE_PUNCTUATION = ".,;:!?…"
MAX_CHARACTERS, MAX_WORDS = 100, 12


@dataclass(frozen=True)
class Heading:
    start: int  # where the heading's line starts (code points)
    end: int  # where it ends (before its newline)
    level: int
    text: str


def find_headings(text: str, turn_labels: Collection[int] = ()) -> list[Heading]:
    """The headings of a text; ``turn_labels`` are the speaker turns' label starts."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    headings = []
    for number, (start, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped or start + len(line) - len(line.lstrip()) in turn_labels:
            continue
        alone_before = number == 0 or not lines[number - 1][1].strip()
        alone_after = number + 1 < len(lines) and not lines[number + 1][1].strip()
        if not (alone_before and alone_after and text[start + len(line):].strip()):
            continue
        level = _level(stripped)
        if level:
            first = start + len(line) - len(line.lstrip())
            headings.append(Heading(first, first + len(stripped), level, stripped))
    return headings


def _level(line: str) -> int:
    """The heading level of a line that looks like a heading, else 0."""
    if len(line) > MAX_CHARACTERS or len(line.split()) > MAX_WORDS:
        return 0
    if not any(character.isalpha() for character in line):
        return 0
    markdown = _MARKDOWN.match(line)
    if markdown:
        return len(markdown.group(1))
    if line[-1] in _SENTENCE_PUNCTUATION:
        return 0
    numbered = _NUMBERED.match(line)
    return numbered.group(1).count(".") + 1 if numbered else 1


def sections(text: str, pattern: re.Pattern[str], headings: list[Heading]) -> list[tuple[int, int]]:
    """The text under each heading ``pattern`` matches (searched in the heading's text)."""
    found = []
    for number, heading in enumerate(headings):
        if not pattern.search(heading.text):
            continue
        end = next((later.start for later in headings[number + 1:] if later.level <= heading.level),
                   len(text))
        start = heading.end
        while start < end and text[start].isspace():
            start += 1
        found.append((start, end))
    return found
