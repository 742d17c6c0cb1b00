"""How every structured reader lays out text: paragraphs, table rows and list items.

One convention for all formats, so a passage reads (and is cited) the same whether it came from
Word, OpenDocument, RTF, HTML or PDF:

- each paragraph or heading is one block; blocks are separated by one blank line;
- a paragraph's own line breaks stay ``\\n`` inside the block;
- a table is one block with one line per row, its cells separated by a tab (a cell's own
  paragraphs and line breaks become spaces, so a row stays one line);
- a list item starts with ``• `` or with its number (``3. ``);
- blocks are trimmed, and empty paragraphs (used for spacing) are dropped;
- a heading is a block like a paragraph; its level (1 the highest) is kept in ``headings``.
"""

from __future__ import annotations

import re

from workbench.core.importers import text_limit

_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def cell_text(parts: list[str]) -> str:
    """One table cell as a single line: its paragraphs and breaks joined by single spaces."""
    return _SPACES.sub(" ", " ".join(parts)).strip(" ")


class BlockWriter:
    """Collects blocks in reading order and joins them into the stored text."""

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._rows: list[str] = []
        self.headings: list[tuple[int, str]] = []  # (level, text) of each heading, in order
        self._characters = 0  # so far: a file stops as soon as it passes the text limit

    def paragraph(self, text: str, heading: int = 0) -> None:
        """A paragraph, or (``heading`` 1 and up) a heading of that level."""
        self._end_table()
        text = text.strip()
        if text:
            self._count(text)
            self._blocks.append(text)
            if heading > 0:
                self.headings.append((heading, text))

    def row(self, cells: list[str]) -> None:
        """A table row; consecutive rows form one table block."""
        line = "\t".join(cells).rstrip("\t ")
        if line.strip():
            self._count(line)
            self._rows.append(line)

    def _count(self, text: str) -> None:
        self._characters += len(text) + 2
        text_limit.check(self._characters)

    def end_table(self) -> None:
        self._end_table()

    def text(self) -> str:
        self._end_table()
        return "\n\n".join(self._blocks)

    def _end_table(self) -> None:
        if self._rows:
            self._blocks.append("\n".join(self._rows))
            self._rows = []
