"""Colours coded passages and speaker names, block by block, from a CodingLayers index.

Colours follow the palette (see :mod:`colours`); a block's formats are looked up by the *set* of
colours over each stretch, so the cache stays as small as the colour combinations on the page.

Speaker names are bolded (and their times greyed) exactly where the project stored speaker
turns, from ranges the view hands over: the view never guesses turns with a rule of its own.

Whole-document passes (a new text, a new palette, a codebook change) leave every block for later
(:meth:`CodingHighlighter.later`); the view then highlights the blocks on screen, and the others
as they scroll into view, so opening a document costs what is on screen, not every coding in it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from workbench.gui.document_view.colours import Scheme
from workbench.gui.document_view.layers import CodingLayers


class CodingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.layers = CodingLayers([])
        self.scheme = Scheme()
        self._formats: dict[tuple[frozenset[str], bool], QTextCharFormat] = {}
        self._deferring = False
        self._pending: set[int] = set()  # block numbers left for when they are shown
        self._speaker = QTextCharFormat()
        self._speaker.setFontWeight(QFont.Weight.Bold)
        self._speaker.setForeground(QColor(*self.scheme.speaker))
        self._timestamp = QTextCharFormat()
        self._timestamp.setForeground(QColor(*self.scheme.timestamp))
        self._labels: list[tuple[int, int, bool]] = []  # Qt (start, end, is a time), sorted

    def set_turn_labels(self, labels: list[tuple[int, int, bool]]) -> None:
        """The stored turns' speaker names and times (Qt units); the caller rehighlights."""
        self._labels = sorted(label for label in labels if label[1] > label[0])

    def set_layers(self, layers: CodingLayers) -> None:
        """Replace the index; the caller decides which blocks to rehighlight."""
        self.layers = layers

    @contextmanager
    def later(self) -> Iterator[None]:
        """Within this, blocks Qt asks to highlight (all of them, after ``setPlainText`` or
        ``rehighlight``) are only noted; :meth:`highlight_blocks` does them when shown."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False

    def highlight_blocks(self, blocks: Iterable[QTextBlock]) -> None:
        """Highlight these blocks if a whole-document pass left them for later."""
        for block in blocks:
            if block.blockNumber() in self._pending:
                self.rehighlightBlock(block)

    def highlight_later(self, block: QTextBlock) -> None:
        """Leave this block (off screen, its codings changed) for when it is shown."""
        self._pending.add(block.blockNumber())

    def set_scheme(self, scheme: Scheme) -> None:
        """Colours for a new palette; the caller rehighlights."""
        self.scheme = scheme
        self._formats.clear()
        self._speaker.setForeground(QColor(*scheme.speaker))
        self._timestamp.setForeground(QColor(*scheme.timestamp))

    def _format(self, colours: frozenset[str], overlapping: bool) -> QTextCharFormat:
        cached = self._formats.get((colours, overlapping))
        if cached is None:
            cached = QTextCharFormat()
            cached.setBackground(QColor(*self.scheme.highlight(colours)))
            if overlapping:  # overlapping codings: also underlined, so overlaps stand out
                cached.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                cached.setUnderlineColor(QColor(*self.scheme.underline(colours)))
            self._formats[(colours, overlapping)] = cached
        return cached

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        if self._deferring:
            self._pending.add(block.blockNumber())
            return
        self._pending.discard(block.blockNumber())
        start = block.position()  # UTF-16 units, like the layers (``text`` is a Python str)
        end = start + block.length() - 1
        for segment in self.layers.segments_between(start, end):
            colours = frozenset(coding.colour for coding in segment.codings)
            self.setFormat(segment.start - start, segment.end - segment.start,
                           self._format(colours, len(segment.codings) > 1))
        first = bisect_left(self._labels, (start, -1, False))
        for left, right, is_time in self._labels[first:]:
            if left >= end:
                break
            self._merge(left - start, min(right, end) - left,
                        self._timestamp if is_time else self._speaker)

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        for offset in range(start, start + length):
            current = self.format(offset)
            current.merge(extra)
            self.setFormat(offset, 1, current)
