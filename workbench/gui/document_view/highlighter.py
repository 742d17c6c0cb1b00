"""Colours coded passages and speaker names, block by block, from a CodingLayers index.

Speaker names are bolded (and their times greyed) exactly where the project stored speaker
turns, from ranges the view hands over: the view never guesses turns with a rule of its own.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from workbench.gui.document_view.layers import CodingLayers

HIGHLIGHT_ALPHA = 0.5


def blend(colours: list[str]) -> QColor:
    """The mix of the codes' colours, lightened so black text stays readable."""
    red = sum(QColor(c).red() for c in colours) / len(colours)
    green = sum(QColor(c).green() for c in colours) / len(colours)
    blue = sum(QColor(c).blue() for c in colours) / len(colours)

    def lighten(channel: float) -> int:
        return round(255 - (255 - channel) * HIGHLIGHT_ALPHA * (1.25 if len(colours) > 1 else 1))

    return QColor(lighten(red), lighten(green), lighten(blue))


class CodingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.layers = CodingLayers([])
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}
        self._speaker = QTextCharFormat()
        self._speaker.setFontWeight(QFont.Weight.Bold)
        self._speaker.setForeground(QColor("#1F3A5F"))
        self._timestamp = QTextCharFormat()
        self._timestamp.setForeground(QColor("#7A7A7A"))
        self._labels: list[tuple[int, int, bool]] = []  # Qt (start, end, is a time), sorted

    def set_turn_labels(self, labels: list[tuple[int, int, bool]]) -> None:
        """The stored turns' speaker names and times (Qt units); the caller rehighlights."""
        self._labels = sorted(label for label in labels if label[1] > label[0])

    def set_layers(self, layers: CodingLayers) -> None:
        """Replace the index; the caller decides which blocks to rehighlight."""
        self.layers = layers

    def _format(self, colours: tuple[str, ...]) -> QTextCharFormat:
        cached = self._formats.get(colours)
        if cached is None:
            cached = QTextCharFormat()
            cached.setBackground(blend(list(colours)))
            if len(colours) > 1:  # overlapping codes: also underlined, so overlaps stand out
                cached.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                cached.setUnderlineColor(QColor(colours[0]).darker(150))
            self._formats[colours] = cached
        return cached

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        start = block.position()  # UTF-16 units, like the layers (``text`` is a Python str)
        end = start + block.length() - 1
        for segment in self.layers.segments_between(start, end):
            colours = tuple(coding.colour for coding in segment.codings)
            self.setFormat(segment.start - start, segment.end - segment.start, self._format(colours))
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
