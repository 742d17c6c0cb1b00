"""All icons come through here: standard style icons by name, and colour swatches for codes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

_STANDARD = {
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "case": QStyle.StandardPixmap.SP_DirIcon,
    "document": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "import": QStyle.StandardPixmap.SP_ArrowDown,
    "search": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "undo": QStyle.StandardPixmap.SP_ArrowBack,
    "redo": QStyle.StandardPixmap.SP_ArrowForward,
    "memo": QStyle.StandardPixmap.SP_FileDialogInfoView,
}


def icon(name: str) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(_STANDARD[name]) if name in _STANDARD else QIcon()


@cache
def swatch(colour: str, size: int = 14) -> QIcon:
    """A rounded square of a code's colour, as shown beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(140))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)
