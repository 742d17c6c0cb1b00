"""What the window's start leaves for later (issue 9: usable in 1.5 s on a large project): the
team server's driver and the codebook files' XML library load when first needed, and the
garbage collector, held off while the window starts (as `workbench open` does), is back on
after the first paint with the start's objects frozen out of its sight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import gc, json, sys
from pathlib import Path
from workbench.core.start_up import hold_collection
hold_collection()  # as run_open does before it imports the window
from workbench.gui.app import start_window
from workbench.gui.settings import Settings
settings = Settings(Path(sys.argv[2]) / 'settings.ini')
settings.coder_name = 'Lotte'
app, window = start_window(Path(sys.argv[1]), settings=settings)
held = not gc.isenabled()
window.repaint()
for _ in range(5):
    app.processEvents()
print(json.dumps({"rows": window.cases_panel.tree.model().rowCount(), "held": held,
                  "enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                  "loaded": [m for m in ('psycopg', 'lxml') if m in sys.modules]}))
"""


@pytest.mark.slow  # starts the window in a fresh process
def test_the_window_starts_without_the_team_driver_and_gives_the_collector_back(
        coded_project_path: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(coded_project_path), str(tmp_path)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert completed.returncode == 0, completed.stderr
    seen = json.loads(completed.stdout.splitlines()[-1])
    assert seen["rows"] == 1 and seen["loaded"] == []
    assert seen["held"]  # until the first paint
    assert seen["enabled"] and seen["frozen"] > 50_000
