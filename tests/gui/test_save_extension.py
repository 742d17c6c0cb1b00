"""A save dialog adds the extension the researcher did not type, so our own merge takes the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from workbench.core.merge.other_project import read_codebook_from
from workbench.gui.context import AppContext
from workbench.gui.main_window import MainWindow
from workbench.gui.prompts import Prompts, with_extension
from workbench.gui.settings import Settings


def test_the_chosen_filter_gives_the_extension() -> None:
    assert with_extension("/data/codebook", "REFI-QDA codebook (*.qdc)") == "/data/codebook.qdc"
    assert with_extension("/data/codebook.QDC", "REFI-QDA codebook (*.qdc)") == "/data/codebook.QDC"
    assert (
        with_extension("/data/codebook.v2", "REFI-QDA codebook (*.qdc)") == "/data/codebook.v2.qdc"
    )
    assert (
        with_extension("/data/study", "Projects (*.cwb *.qdpx);;All files (*)") == "/data/study.cwb"
    )
    assert with_extension("/data/study.qdpx", "Projects (*.cwb *.qdpx)") == "/data/study.qdpx"
    assert with_extension("/data/notes", "All files (*)") == "/data/notes"


@pytest.fixture
def real_prompts_window(qtbot, settings: Settings, coded_project_path: Path) -> MainWindow:
    """The window with the real prompts; only Qt's file dialog is answered by the test."""
    window = MainWindow(AppContext(settings, Prompts()))
    qtbot.addWidget(window)
    window.context.open_project(coded_project_path)
    return window


def test_exporting_a_codebook_without_typing_qdc_writes_codebook_qdc(
        real_prompts_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    typed = tmp_path / "codebook"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(typed), "REFI-QDA codebook (*.qdc)")))
    real_prompts_window.export_codebook()
    written = tmp_path / "codebook.qdc"
    assert written.is_file() and not typed.exists()
    codebook = read_codebook_from(written)  # what Team > Merge a codebook reads
    assert any(code.name.startswith("Sources of solidarity") for code in codebook.codes)


@pytest.mark.slow  # over half a second: writes a Word report
def test_a_word_report_gets_docx(real_prompts_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                 tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(tmp_path / "appendix"), args[3])))
    real_prompts_window.export_codebook_report()
    assert (tmp_path / "appendix.docx").is_file()
