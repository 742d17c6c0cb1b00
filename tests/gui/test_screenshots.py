"""The screenshot script renders the main window and the import dialog (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.core.analysis.sample import sample_copy
from workbench.core.storage import Project
from workbench.gui import screenshots

pytestmark = pytest.mark.slow  # renders the whole window of the sample project


def test_the_screenshot_script_renders_both_windows(
        qtbot, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The script builds the sample project; the run's shared build is the same project, copied
    # (building it is tested in tests/test_sample_project.py).
    monkeypatch.setattr(screenshots, "build_sample_project",
                        lambda path: Project.open(sample_copy(tmp_path_factory, path)))
    assert screenshots.main([str(tmp_path)]) == 0
    main, dialog = (
        QImage(str(tmp_path / "main-window.png")),
        QImage(str(tmp_path / "import-dialog.png")),
    )
    assert (main.width(), main.height()) == (1680, 1020)
    assert dialog.width() >= 800 and not dialog.isNull()
