"""Long jobs run in a worker behind a progress dialog: result, failure, cancel."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from tests.gui.conftest import ScriptedPrompts
from workbench.core.errors import WorkbenchError
from workbench.core.jobs import JobControl
from workbench.gui.context import AppContext
from workbench.gui.dialogs.job_progress import run_with_progress


def test_the_result_comes_back_and_the_job_ran_in_another_thread(context: AppContext) -> None:
    import threading

    gui_thread = threading.get_ident()

    def job(control: JobControl) -> int:
        control.report(1, 2, "half")
        return threading.get_ident()

    assert run_with_progress(context, None, "Working", job) != gui_thread


def test_a_failure_is_shown_and_gives_none(context: AppContext, prompts: ScriptedPrompts) -> None:
    def job(control: JobControl) -> None:
        raise WorkbenchError("study.qdpx: it is not a REFI-QDA project.")

    assert run_with_progress(context, None, "Importing", job) is None
    assert prompts.errors == ["study.qdpx: it is not a REFI-QDA project."]


@pytest.mark.slow  # over half a second: a background job runs until cancelled
def test_cancel_stops_a_long_job(qtbot, context: AppContext, prompts: ScriptedPrompts) -> None:
    steps: list[int] = []

    def job(control: JobControl) -> str:
        for step in range(500):
            control.check()
            control.report(step, 500, "")
            steps.append(step)
            time.sleep(0.01)
        return "finished"

    def press_cancel() -> None:
        [dialog] = context.window.findChildren(QProgressDialog)
        dialog.findChild(QPushButton).click()

    context.window = QWidget()
    qtbot.addWidget(context.window)
    QTimer.singleShot(600, press_cancel)
    assert run_with_progress(context, context.window, "Slow", job) is None
    assert 0 < len(steps) < 500 and prompts.errors == []
