"""Something unexpected goes wrong while coding: the researcher sees what happened and where the
log is, the log holds the traceback, and the project stays open with nothing half-saved."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from sqlalchemy import delete, func, select

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from tests.helpers import code_id
from workbench.core.logs import LOG_FILE_NAME, configure_logging, log_dir, unconfigure_logging
from workbench.core.model import Coding
from workbench.gui import context as context_module
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.crash import CrashHandler, install_crash_handler
from workbench.gui.dialogs.crash_dialog import CrashDialog, CrashReport
from workbench.gui.main_window import MainWindow

# pytest-qt would catch the slot's exception itself and fail the test; here our hook must see it.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    return main


@pytest.fixture
def handler(window: MainWindow) -> Iterator[CrashHandler]:
    installed = install_crash_handler(window.context)
    yield installed
    installed.uninstall()
    unconfigure_logging()


def _codings(context: AppContext) -> int:
    with context.reading() as session:
        return session.scalar(select(func.count()).select_from(Coding))


def test_a_slot_that_raises_shows_the_crash_dialog_and_the_project_stays_open(
        qtbot, window: MainWindow, handler: CrashHandler, prompts: ScriptedPrompts,
        monkeypatch: pytest.MonkeyPatch) -> None:
    context = window.context
    before, steps = _codings(context), context.project.step_labels("undo")

    def broken_apply_code(project, *_args, **_kwargs):
        with project.transaction("Code passage") as session:
            session.execute(delete(Coding))  # half-way through the action...
            raise RuntimeError("the passage went missing")  # ...something unexpected

    monkeypatch.setattr(context_module, "apply_code", broken_apply_code)
    socialisation = code_id(context.project, "Socialisation")
    context.set_selection(TextSelection(1, 0, INTERVIEW.index(" Hoe")))
    QTimer.singleShot(0, lambda: context.code_selection(socialisation))
    qtbot.waitUntil(lambda: len(prompts.crashes) == 1)

    report = prompts.crashes[0]
    assert report.summary == "RuntimeError: the passage went missing"
    assert "broken_apply_code" in report.details
    assert report.log_file == Path(os.environ["WORKBENCH_LOG_DIR"]) / LOG_FILE_NAME
    logged = report.log_file.read_text(encoding="utf-8")
    assert "ERROR workbench.crash: Unexpected error" in logged
    assert 'raise RuntimeError("the passage went missing")' in logged

    assert context.project is not None and context.writable
    assert _codings(context) == before  # the failed action was rolled back whole
    assert context.project.step_labels("undo") == steps  # and left no undo step
    monkeypatch.undo()
    assert context.code_selection(socialisation) is not None
    assert _codings(context) == before + 1
    assert context.project.step_labels("undo") == ["Code passage", *steps]


def test_a_worker_thread_that_raises_is_reported_in_the_window(
        qtbot, handler: CrashHandler, prompts: ScriptedPrompts) -> None:
    def work() -> None:
        raise ValueError("bad page in the PDF")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(prompts.crashes) == 1)
    assert prompts.crashes[0].summary == "ValueError: bad page in the PDF"
    assert "bad page in the PDF" in handler.log_file.read_text(encoding="utf-8")


def test_the_dialog_names_the_log_file_and_copies_the_details(qtbot, tmp_path: Path) -> None:
    report = CrashReport("KeyError: 'theme'", "Traceback (most recent call last):\n  ...\n",
                         tmp_path / "workbench.log")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert str(tmp_path / "workbench.log") in dialog.log_label.text()
    assert "KeyError: 'theme'" in dialog.message.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("KeyError: 'theme'\nLog file: ")
    assert "Traceback (most recent call last):" in copied


def test_the_log_lives_in_the_users_data_folder_and_debug_raises_the_level(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WORKBENCH_LOG_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert log_dir() == tmp_path / "data" / "coding-workbench" / "logs"
    try:
        assert configure_logging(tmp_path / "logs") == tmp_path / "logs" / LOG_FILE_NAME
        assert logging.getLogger("workbench").level == logging.INFO
        monkeypatch.setenv("WORKBENCH_DEBUG", "1")
        configure_logging(tmp_path / "logs")
        logging.getLogger("workbench.import").debug("page 3 has no text layer")
        assert len(logging.getLogger("workbench").handlers) == 1  # replaced, not added
    finally:
        unconfigure_logging()
    assert "DEBUG workbench.import: page 3 has no text layer" in (
        tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
