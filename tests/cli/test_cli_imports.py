"""A script looping over `workbench info` pays only for what `info` needs: the parser and the
read-only commands import none of the heavy libraries (pandas, numpy, openpyxl, python-docx,
PySide6); the commands that need them import them when they run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli.parser import COMMANDS, build_parser

HEAVY = ("pandas", "numpy", "openpyxl", "docx", "PySide6")

_PROBE = """
import json, sys
from workbench.cli import main
for argv in json.loads(sys.argv[1]):
    assert main(argv) == 0, argv
print("\\n" + json.dumps(sorted(name for name in {heavy} if name in sys.modules)))
"""


def _heavy_modules_after(*commands: list[str]) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=repr(HEAVY)), json.dumps(list(commands))],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


@pytest.mark.slow  # fresh processes
def test_info_and_codings_import_no_heavy_library(workbench, tmp_path: Path) -> None:
    project = tmp_path / "buurt.cwb"
    assert workbench("new", project, "--codebook", "solidarity").code == 0
    assert workbench("case", "add", project, "Buurthuis", "--attr", "place=living").code == 0

    assert _heavy_modules_after(["info", str(project), "--json"],
                                ["codings", str(project), "--json"],
                                ["cases", str(project)]) == []


@pytest.mark.slow  # a fresh process
def test_the_parser_for_a_command_imports_only_that_command_module() -> None:
    # (matrix, agreement and import bring pandas, numpy or python-docx because they use them)
    probe = ("import sys\nfrom workbench.cli.parser import build_parser\n"
             "for command in ('info', 'cases', 'codings', 'code', 'search', 'check', 'restore',"
             " 'open'):\n"
             "    build_parser([command, '--help-not-parsed'])\n"
             f"print([name for name in {HEAVY!r} if name in sys.modules])")
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"


def test_every_command_in_the_table_is_registered_by_its_module() -> None:
    for command, module in COMMANDS.items():
        parser = build_parser([command])
        [subparsers] = [a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices]
        assert command in subparsers.choices, (command, module)
    everything = build_parser(None)
    [subparsers] = [a for a in everything._actions if a.choices and "info" in a.choices]
    assert set(subparsers.choices) == set(COMMANDS)
