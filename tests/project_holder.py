"""Another process with a project open for writing: the second window, or a colleague's program."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

_SCRIPT = """
import sys
from workbench.core.services.cases import create_case
from workbench.core.storage import Project

project = Project.open(sys.argv[1], user=sys.argv[2])
print("holding", flush=True)
for line in sys.stdin:
    command, _, name = line.strip().partition(" ")
    if command == "case":
        create_case(project, name)
        print("done", flush=True)
project.close()
"""


class HoldingProcess:
    """A child process that opens ``path`` for writing and keeps it open until told to stop."""

    def __init__(self, path: Path, user: str = "Youssef") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SCRIPT, str(path), user], cwd=REPO, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = self.process.stdout.readline()
        if first.strip() != "holding":
            self.process.kill()
            raise AssertionError(f"the holder did not start: {self.process.stderr.read()}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def add_case(self, name: str) -> None:
        self.process.stdin.write(f"case {name}\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "done"

    def close(self) -> None:
        """The other window closes the project normally."""
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # it had already gone
        self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()

    def crash(self) -> None:
        """The other program dies without closing anything (power cut, kill -9)."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.close()

    def __enter__(self) -> HoldingProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self.close()
