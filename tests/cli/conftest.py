"""Running the ``workbench`` command in-process (fast) or as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from workbench.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def workbench(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``workbench ARGS...`` in this process and capture what it prints."""

    def run(*args: object) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_subprocess(*args: object, env: dict[str, str] | None = None) -> Result:
    """Run the real command line in a fresh Python process."""
    completed = subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)
