"""User-visible strings go through :func:`tr` so they can be translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "Workbench") -> str:
    return QCoreApplication.translate(context, text)
