"""A stale lock is reported once, in the user's words (issue 14, point 12)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from workbench.core.services.codebook import create_project
from workbench.core.storage.writer_lock import lock_path


def test_a_stale_lock_is_reported_once(workbench, tmp_path: Path) -> None:
    study = tmp_path / "study.cwb"
    create_project(study).close()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    holder = {"user": "Lotte", "host": socket.gethostname(), "pid": int(gone.stdout),
              "since": "2026-01-05T14:02:00"}
    lock_path(study).write_text(json.dumps(holder), encoding="utf-8")
    done = workbench("case", "add", study, "Keuken")  # in this process: the lock's holder is gone
    assert done.code == 0, done.err
    assert done.err.splitlines() == [
        "workbench: note: study.cwb was not closed properly by Lotte on host "
        f"{socket.gethostname()} since 2026-01-05 14:02; its leftover lock was cleared."]
