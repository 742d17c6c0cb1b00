"""The window's dialogs for importing, exchanging and merging, loaded when first asked for.

Each brings a part of the core the window does not need to show a project: the importers and
their file readers, the REFI-QDA exchange (lxml), the merge planner. Loading them on first use
keeps them out of the window's start (issue 9: the window usable before they are needed).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.core.exchange.qdpx_export import ExportReport
    from workbench.gui.context import AppContext
    from workbench.gui.dialogs.import_dialog import ImportDialog
    from workbench.gui.dialogs.merge_dialog import MergeDialog

_IMPORT_DIALOG = "workbench.gui.dialogs.import_dialog"


def export_qdpx(context: AppContext, parent: QWidget | None = None) -> ExportReport | None:
    from workbench.gui.dialogs import exchange_actions

    return exchange_actions.export_qdpx(context, parent)


def import_qdpx_project(context: AppContext, parent: QWidget | None = None) -> bool:
    from workbench.gui.dialogs import exchange_actions

    return exchange_actions.import_qdpx_project(context, parent)


def open_codebook_merge(context: AppContext, parent: QWidget | None = None) -> MergeDialog | None:
    from workbench.gui.dialogs import merge_dialog

    return merge_dialog.open_codebook_merge(context, parent)


def open_project_merge(context: AppContext, parent: QWidget | None = None) -> MergeDialog | None:
    from workbench.gui.dialogs import merge_dialog

    return merge_dialog.open_project_merge(context, parent)


def import_dialog_class() -> type[ImportDialog]:
    from workbench.gui.dialogs.import_dialog import ImportDialog

    return ImportDialog


def open_import_dialogs(parent: QWidget) -> list[ImportDialog]:
    """The import dialogs open under ``parent`` (none, if the dialog was never loaded)."""
    module = sys.modules.get(_IMPORT_DIALOG)
    return [] if module is None else parent.findChildren(module.ImportDialog)
