"""Menu actions for REFI-QDA exchange: export the open project as a ``.qdpx``, or make a new
project from one (and open it). Both ask through the prompts seam and report every warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from workbench.core.exchange.qdpx_export import ExportReport, export_project
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.storage import PROJECT_SUFFIX
from workbench.gui.context import AppContext
from workbench.gui.dialogs.job_progress import run_with_progress
from workbench.gui.i18n import tr

QDPX_FILTER = "REFI-QDA projects (*.qdpx);;All files (*)"
PACKAGE_FILTER = "REFI-QDA projects (*.qdpx *.qde);;All files (*)"
MAX_WARNINGS_SHOWN = 12


def export_qdpx(context: AppContext, parent: QWidget | None = None) -> ExportReport | None:
    """Ask where to write the .qdpx and write it; warnings (data loss) are shown."""
    if context.project is None:
        return None
    path = context.prompts.save_file(parent, tr("Export as a REFI-QDA project"), tr(QDPX_FILTER))
    if not path:
        return None
    if not path.lower().endswith(".qdpx"):
        path += ".qdpx"
    project = context.project
    report = run_with_progress(context, parent, tr("Exporting the project"),
                               lambda control: export_project(project, path, control))
    if report is None:
        return None
    _show_warnings(context, parent, report.warnings, tr("Exported with remarks"))
    return report


def import_qdpx_project(context: AppContext, parent: QWidget | None = None) -> bool:
    """Ask for a .qdpx and the new project's file, import, and open the new project."""
    source = context.prompts.open_file(parent, tr("Import a REFI-QDA project"), tr(PACKAGE_FILTER))
    if not source:
        return False
    target = context.prompts.save_file(parent, tr("Save the imported project as"))
    if not target:
        return False
    if not Path(target).suffix:
        target += PROJECT_SUFFIX
    report = run_with_progress(context, parent, tr("Importing the REFI-QDA project"),
                               lambda control: import_qdpx(source, target, control))
    if report is None:
        return False
    _show_warnings(context, parent, report.warnings, tr("Imported with remarks"))
    return context.open_project(target)


def _show_warnings(context: AppContext, parent: QWidget | None, warnings: list[str],
                   title: str) -> None:
    if not warnings:
        return
    shown = warnings[:MAX_WARNINGS_SHOWN]
    more = len(warnings) - len(shown)
    text = "\n".join(f"• {warning}" for warning in shown)
    if more:
        text += "\n" + tr("… and {count} more.").format(count=more)
    context.prompts.error(parent, text, title)
