"""The window and every dialog fit a laptop screen: 1280x720 and 1366x768 at 100%, and 200%
scaling (device pixel ratio 2) on a 2880x1800 screen; in light and dark, English and Dutch.

Each run is a fresh process on a simulated offscreen screen of that size
(``workbench.gui.screen_check``); it lists every visible dock and control that does not lie
inside the screen, and saves the screenshots that were looked at. The processes are forked from
one that has already imported the app (see ``tests.preloaded_python``): the screen, its scale and
the window are each run's own, the imports are shared.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.core.analysis.sample import sample_copy
from tests.preloaded_python import PreloadedPython

REPO = Path(__file__).resolve().parents[2]
SCREENS = [  # screen (device-independent pixels), device pixel ratio, theme, language
    ("1280x720", 1.0, "light", "en"),
    ("1366x768", 1.0, "dark", "nl"),
    ("1440x900", 2.0, "light", "nl"),  # 2880x1800 at 200%
    ("1280x720", 1.5, "dark", "en"),  # 1920x1080 at 150%
]
WINDOWS = {"main-window", "main-window-matrix", "main-window-matrix-enlarged",
           "context-menu-codes", "preferences", "agreement", "code-editor", "merge-code",
           "quick-code", "import", "merge-codebook", "user-guide", "shortcuts", "about"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory, tmp_path_factory.mktemp("sample") / "sample.cwb")


# What screen_check imports (itself excepted: each run executes it afresh as __main__).
PRELOAD = ["PySide6.QtGui", "PySide6.QtWidgets", "workbench.gui.main_window",
           "workbench.gui.code_menu", "workbench.gui.dialogs.agreement_dialog",
           "workbench.gui.dialogs.code_editor", "workbench.gui.dialogs.import_dialog",
           "workbench.gui.dialogs.merge_code", "workbench.gui.dialogs.merge_dialog",
           "workbench.gui.dialogs.quick_code", "workbench.gui.help_menu",
           "workbench.gui.window_menus", "workbench.gui.i18n", "workbench.gui.theme",
           "workbench.core.services.codebook", "workbench.core.queries.listing"]


@pytest.fixture(scope="module")
def python() -> Iterator[PreloadedPython]:
    with PreloadedPython(PRELOAD) as preloaded:
        yield preloaded


@pytest.mark.slow
@pytest.mark.parametrize(("screen", "dpr", "theme", "language"), SCREENS)
def test_every_dock_and_control_lies_inside_the_screen(
        sample: Path, python: PreloadedPython, tmp_path: Path, screen: str, dpr: float,
        theme: str, language: str) -> None:
    project = tmp_path / "sample.cwb"
    shutil.copy(sample, project)
    shots = tmp_path / "shots"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO),
                                                                     os.environ.get("PYTHONPATH")]))}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("QT_SCALE_FACTOR", None)
    done = python.run(
        "workbench.gui.screen_check",
        [str(shots), str(project), "--screen", screen, "--dpr", str(dpr), "--theme", theme,
         "--language", language], timeout=300, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["problems"] == []
    assert {Path(shot).stem for shot in result["shots"]} == WINDOWS
    width, height = (int(part) for part in screen.split("x"))
    main = QImage(str(shots / "main-window.png"))
    # The window fills the screen (device pixels: the PNG is rendered at the screen's ratio).
    assert main.width() <= round(width * dpr) and main.height() <= round(height * dpr)
    assert main.width() >= round(width * dpr) * 0.9
