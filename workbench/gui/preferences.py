"""Preferences kept between runs that belong to data safety: how many backups to keep."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workbench.gui.i18n import tr
from workbench.gui.prompts import Prompts
from workbench.gui.settings import MAX_KEEP_BACKUPS, Settings


def ask_keep_backups(settings: Settings, prompts: Prompts, parent: QWidget | None) -> int | None:
    """Ask how many backups to keep; None when the user cancels."""
    current = str(settings.keep_backups)
    label = tr("How many backups of each project to keep (one is taken each time you open it; "
               "0 turns backups off):")
    while True:
        answer = prompts.ask_text(parent, label, tr("Keep backups"), current)
        if answer is None:
            return None
        text = answer.strip()
        if text.isdigit() and int(text) <= MAX_KEEP_BACKUPS:
            settings.keep_backups = int(text)
            return int(text)
        prompts.error(parent, tr("Give a whole number from 0 to {0}.").format(MAX_KEEP_BACKUPS))
