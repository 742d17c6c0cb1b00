"""A script looping over `workbench info` does not pay for garbage-collector passes over the
libraries being imported (issue 9): the command's process holds the collector off while it
starts, then freezes what it imported and lets the collector go again for the command's work."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

# Each automatic collection notes whether anything was frozen yet: before the release nothing is.
_PROBE = """
import gc, json, sys
passes = []
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(gc.get_freeze_count()))
sys.argv = ["workbench", *sys.argv[1:]]
from workbench.cli import main
before = len(passes)
code = main()
passes = passes[before:]
print("\\n" + json.dumps({"code": code, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                          "passes_while_starting": sum(1 for frozen in passes if frozen == 0),
                          "passes": len(passes)}))
"""


@pytest.mark.slow  # a fresh process
def test_info_starts_without_collector_passes_and_leaves_the_collector_on(
        workbench, tmp_path: Path) -> None:
    project = tmp_path / "buurt.cwb"
    assert workbench("new", project, "--codebook", "solidarity").code == 0
    completed = subprocess.run([sys.executable, "-c", _PROBE, "info", str(project), "--json"],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    seen = json.loads(completed.stdout.splitlines()[-1])
    assert seen["code"] == 0
    assert seen["passes_while_starting"] == 0  # SQLAlchemy and the models came in meanwhile
    assert seen["enabled"] and seen["frozen"] > 50_000  # the start's objects, out of its sight


def test_a_caller_that_passes_arguments_keeps_its_collector(workbench, tmp_path: Path) -> None:
    frozen = gc.get_freeze_count()
    assert workbench("new", tmp_path / "buurt.cwb").code == 0
    assert workbench("info", tmp_path / "buurt.cwb", "--json").code == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
