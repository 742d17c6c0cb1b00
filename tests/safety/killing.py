"""Running an action in a child process (tests/safety/kill_child.py) and SIGKILLing it mid-way.

The child is forked from a preloaded server (tests/safety/_forked.py), not started cold.
"""

from __future__ import annotations

import os
import queue
import signal
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.safety import kill_child
from tests.safety._forked import Forked

TIMEOUT = 30.0


@dataclass
class Killed:
    said: list[str]  # what the child printed before it died
    wal_grown: int  # bytes the write-ahead log grew by between "started" and the kill

    @property
    def finished(self) -> bool:
        return "done" in self.said


class Child:
    def __init__(self, action: str, project: Path, *sources: Path,
                 pause_at: tuple[str, int] | None = None) -> None:
        command = ["kill_child", action, str(project), *map(str, sources)]
        if pause_at:
            command += ["--pause-at", pause_at[0], str(pause_at[1])]
        self.project = project
        self.process = Forked(kill_child.main, command)
        self.said: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.output is not None
        for line in self.process.output:
            self._lines.put(line.strip())
        self._lines.put(None)

    def end(self) -> str:
        """Wait for the (killed or finished) child; what it wrote to stderr."""
        self.process.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        self.drain()
        return self.process.errors()

    def wait_for(self, word: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.process.kill()
                raise AssertionError(f"the child never said '{word}': {self.end()}") from None
            if line is None:
                raise AssertionError(
                    f"the child ended before '{word}' (it said {self.said}): {self.end()}")
            self.said.append(line)
            if line == word:
                return

    def drain(self) -> None:
        while True:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.said.append(line)

    def wal_size(self) -> int:
        try:
            return os.stat(f"{self.project}-wal").st_size
        except FileNotFoundError:
            return 0

    def kill(self, wal_start: int = 0) -> Killed:
        grown = self.wal_size() - wal_start
        self.process.kill()
        errors = self.end()
        assert self.process.returncode == -signal.SIGKILL, errors
        return Killed(list(self.said), grown)


def kill_when_paused(action: str, project: Path, *sources: Path,
                     pause_at: tuple[str, int]) -> Killed:
    """Kill the child while it waits inside the action's transaction, at a chosen statement."""
    child = Child(action, project, *sources, pause_at=pause_at)
    child.wait_for("paused")
    return child.kill()


def kill_when_wal_grows(action: str, project: Path, *sources: Path, by: int) -> Killed:
    """Kill the child as soon as the action has written ``by`` bytes to the write-ahead log."""
    child = Child(action, project, *sources)
    child.wait_for("started")
    start = child.wal_size()
    deadline = time.monotonic() + TIMEOUT
    while child.wal_size() - start < by and child.process.returncode is None:
        if time.monotonic() > deadline:
            child.process.kill()
            raise AssertionError(f"the action wrote too little in time: {child.end()}")
        time.sleep(0.0002)
    if child.process.returncode is None:
        return child.kill(start)
    child.end()  # too late: the action ended before the log grew enough
    return Killed(child.said, -1)


def uncommitted_frames(project: Path) -> int:
    """Pages the write-ahead log holds after its last commit: a transaction cut off mid-way.

    Reads the log as SQLite documents it (a 32-byte header, then frames of a 24-byte header and
    a page); frames whose salt differs from the header's are left over from an earlier log.
    """
    data = Path(f"{project}-wal").read_bytes() if Path(f"{project}-wal").exists() else b""
    if len(data) < 32:
        return 0
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    pending = 0
    for offset in range(32, len(data) - 24 + 1, 24 + page_size):
        _page, commit_size = struct.unpack(">II", data[offset:offset + 8])
        if data[offset + 8:offset + 16] != salts:
            break
        pending = 0 if commit_size else pending + 1
    return pending
