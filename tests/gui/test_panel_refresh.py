"""Coding at the keyboard stays quick: panels nobody is looking at do not recompute after a
coding (they refresh when shown), and the visible passages list takes a new coding as one more
row rather than reading everything again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.conftest import INTERVIEW, settle
from tests.helpers import code_id
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.main_window import MainWindow


@pytest.fixture
def window(shown_window: MainWindow) -> MainWindow:
    shown_window.context.open_document(1)
    return shown_window


def _counting(monkeypatch, obj, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def test_hidden_matrix_and_passages_wait_until_shown(qtbot, window: MainWindow,
                                                     context: AppContext, monkeypatch) -> None:
    window.search_dock.raise_()  # matrix and passages: hidden tabs
    builds = _counting(monkeypatch, window.matrix_panel, "_build_matrix")
    reads = _counting(monkeypatch, window.passages_panel, "refresh")
    start = INTERVIEW.index("De buren")
    context.set_selection(TextSelection(1, start, start + len("De buren")))

    interdependence = code_id(context.project, "Interdependence")
    context.code_selection(interdependence)
    window.codebook_panel.select_code(interdependence)  # the passages to list, once shown
    qtbot.wait(20)

    assert builds == [] and reads == []
    assert window.matrix_panel._refresh_later.stale and window.passages_panel._refresh_later.stale

    window.passages_dock.raise_()
    qtbot.waitUntil(lambda: reads == [1])
    assert [p.text for p in window.passages_panel.model.passages()] == ["De buren"]

    window.show_matrix()
    qtbot.waitUntil(lambda: builds == [1])
    settle(qtbot, window.matrix_panel)
    matrix = window.matrix_panel.model.matrix()
    assert matrix is not None and not window.matrix_panel._refresh_later.stale
    assert int(matrix.values.to_numpy().sum()) == 3  # the new coding is counted


def test_a_visible_passages_list_adds_the_new_coding_as_a_row(qtbot, window: MainWindow,
                                                             context: AppContext) -> None:
    panel = window.passages_panel
    window.passages_dock.raise_()
    socialisation = code_id(context.project, "Socialisation")
    window.codebook_panel.select_code(socialisation)
    settle(qtbot, panel)
    assert panel.model.rowCount() == 1
    resets, inserted = [], []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.rowsInserted.connect(lambda *_: inserted.append(1))
    start = INTERVIEW.index("Zo werd")
    context.set_selection(TextSelection(1, start, start + len("Zo werd het ook hun keuken")))

    context.code_selection(socialisation)
    settle(qtbot, panel)

    assert (resets, inserted) == ([], [1])
    assert [p.text for p in panel.model.passages()] == [
        "We kookten samen, élke zondag, voor wie honger had.", "Zo werd het ook hun keuken"]
    assert panel.count_label.text() == "2 passages in 1 case"

    context.undo_stack.undo()
    settle(qtbot, panel)
    assert resets == [] and panel.model.rowCount() == 1
    assert panel.count_label.text() == "1 passage in 1 case"


@pytest.mark.slow  # starts the window in a fresh process
def test_the_window_paints_before_pandas_openpyxl_and_docx_load(coded_project_path: Path,
                                                                tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from workbench.gui.app import start_window\n"
        "from workbench.gui.settings import Settings\n"
        "settings = Settings(Path(sys.argv[2]) / 'settings.ini')\n"
        "settings.coder_name = 'Lotte'\n"
        "app, window = start_window(Path(sys.argv[1]), settings=settings)\n"
        "window.repaint()\n"
        "app.processEvents()\n"
        "assert window.cases_panel.tree.model().rowCount() == 1\n"
        "print([m for m in ('pandas', 'numpy', 'openpyxl', 'docx') if m in sys.modules])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe, str(coded_project_path), str(tmp_path)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
