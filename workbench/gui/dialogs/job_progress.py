"""Run a core job in a worker thread behind a progress dialog, and wait for it.

The wait is a local event loop, so the window keeps painting while the job runs, yet callers
read like a plain function call: the job's result, or None when it failed (the reason is shown)
or was cancelled. The dialog appears only for jobs that take longer than a moment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbench.gui.context import AppContext
from workbench.gui.i18n import tr
from workbench.gui.workers import Job, JobRunner

SHOW_AFTER_MS = 400


def run_with_progress(context: AppContext, parent: QWidget | None, title: str, job: Job) -> Any:
    runner = JobRunner(job, parent)
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(f"{title}\n{message}" if message else title)

    runner.progress.connect(progress)
    dialog.canceled.connect(runner.cancel)
    def finished(value: object) -> None:
        outcome.update(value=value)
        loop.quit()

    def failed(message: str) -> None:
        outcome.update(error=message)
        loop.quit()

    runner.finished.connect(finished)
    runner.failed.connect(failed)
    runner.cancelled.connect(loop.quit)
    runner.start()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    runner.deleteLater()
    if "error" in outcome:
        context.prompts.error(parent, outcome["error"])
    return outcome.get("value")
