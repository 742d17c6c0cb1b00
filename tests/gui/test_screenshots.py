"""The screenshot script renders the main window and the import dialog (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from workbench.gui import screenshots

pytestmark = pytest.mark.slow  # renders the whole window in a fresh process


def test_the_screenshot_script_renders_both_windows(qtbot, tmp_path: Path) -> None:
    assert screenshots.main([str(tmp_path)]) == 0
    main, dialog = (
        QImage(str(tmp_path / "main-window.png")),
        QImage(str(tmp_path / "import-dialog.png")),
    )
    assert (main.width(), main.height()) == (1680, 1020)
    assert dialog.width() >= 800 and not dialog.isNull()
