"""What the stripes margin draws, as a list of plain values (bars, "+n" markers, labels), and the
painting of such a list into the margin's pixmap: all of it, or only where it changed.

A coding action on screen changes a bar or two and perhaps the labels below them; the rest of the
margin stays as it was drawn. So the margin is planned afresh (cheap: geometry only), compared
with the plan last drawn, and only the places where the two differ are cleared and drawn again,
each item that reaches into them in the original order. Inside those places the pixels are those
of a full drawing (the same operations, in the same order, on the same background); outside,
nothing changed. Each item's box is widened by ``BLEED`` pixels for antialiased edges and glyphs.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QRegion

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]  # x, y, width, height
BLEED = 4


class Bar(NamedTuple):
    box: Box
    colour: RGB


class Marker(NamedTuple):
    box: Box
    text_height: int
    text: str
    pen: RGB
    fill: RGB


class Label(NamedTuple):
    line_from: int  # x where the leader line leaves the bar
    x: int  # the label column's left edge
    y: int  # the label's top
    line: int  # the label's height (one text line)
    room: int  # the label column's width
    colour: RGB  # the bar's
    pen: RGB  # the name's
    text: str


Item = Bar | Marker | Label


def bounds(item: Item) -> QRect:
    """Every pixel the item may touch, widened for antialiasing."""
    if isinstance(item, Label):
        rect = QRect(item.line_from, item.y, item.x + item.room - item.line_from, item.line)
    else:
        rect = QRect(*item.box)
    return rect.adjusted(-BLEED, -BLEED, BLEED, BLEED)


def changed_region(before: list[Item], after: list[Item]) -> QRegion:
    """Where the two plans differ: the boxes of the items only one of them has."""
    region = QRegion()
    old, new = Counter(before), Counter(after)
    for item in (old - new) + (new - old):
        region += bounds(item)
    return region


def paint(painter: QPainter, items: list[Item], background: RGB, font: QFont, area: QRect,
          region: QRegion | None = None) -> None:
    """Draw the items on their background over ``area``: everywhere, or only inside ``region``."""
    if region is not None:
        painter.setClipRegion(region)
        area = region.boundingRect()
    painter.fillRect(area, QColor(*background))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    for item in items:
        if region is not None and not region.intersects(bounds(item)):
            continue
        if isinstance(item, Bar):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(*item.colour))
            painter.drawRoundedRect(QRect(*item.box), 2, 2)
        elif isinstance(item, Marker):
            rect = QRect(*item.box)
            painter.setPen(QColor(*item.pen))
            painter.setBrush(QColor(*item.fill))
            painter.drawRoundedRect(rect, 3, 3)
            painter.drawText(QRect(rect.left(), rect.top(), rect.width(), item.text_height),
                             Qt.AlignmentFlag.AlignCenter, item.text)
        else:
            _label(painter, item)


def _label(painter: QPainter, label: Label) -> None:
    x, y, line = label.x, label.y, label.line
    colour = QColor(*label.colour)
    painter.setPen(colour)
    painter.drawLine(label.line_from, y + line // 2, x + 1, y + line // 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRect(x + 1, y + line // 2 - 3, 6, 6), 1, 1)
    painter.setPen(QColor(*label.pen))
    painter.drawText(QRect(x + 10, y, label.room - 10, line), Qt.AlignmentFlag.AlignVCenter,
                     label.text)
