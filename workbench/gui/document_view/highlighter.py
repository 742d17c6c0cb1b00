"""Colours coded passages and speaker names, block by block, from a CodingLayers index."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from workbench.gui.document_view.layers import CodingLayers

_SPEAKER = re.compile(r"^(\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?([^\s:\[][^:\n]{0,40}):\s")
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
        match = _SPEAKER.match(text)
        if match and not any(ord(ch) > 0xFFFF for ch in match.group(0)):
            if match.group(1):
                self._merge(0, len(match.group(1)), self._timestamp)
            self._merge(match.start(2), match.end(2) - match.start(2) + 1, self._speaker)

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        for offset in range(start, start + length):
            current = self.format(offset)
            current.merge(extra)
            self.setFormat(offset, 1, current)
