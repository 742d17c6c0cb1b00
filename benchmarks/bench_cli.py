"""The command line's start: `workbench info --json` and `workbench codings --json` on the
sample project, each run as a whole process, beside `python -c "import sqlalchemy.orm"` (the
floor: the database layer every command needs) measured in the same run. Target: ratio <= 1.5.
Also lists the heavy libraries each command's process imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "numpy", "openpyxl", "docx", "PySide6")
_PROBE = ("import runpy, sys\nsys.argv = ['workbench', *sys.argv[1:]]\n"
          "try:\n    runpy.run_module('workbench', run_name='__main__')\n"
          "except SystemExit:\n    pass\n"
          f"sys.stderr.write(repr([m for m in {HEAVY!r} if m in sys.modules]))\n")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def timed(command: list[str], repeat: int) -> float:
    """Median wall time of ``repeat`` runs of a whole process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=_environment())
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def heavy_imports(arguments: list[str]) -> str:
    completed = subprocess.run([sys.executable, "-c", _PROBE, *arguments], check=True,
                               capture_output=True, text=True, env=_environment())
    return completed.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "sample.cwb"
        subprocess.run([sys.executable, "-m", "workbench", "sample", str(project)], check=True,
                       capture_output=True, env=_environment())
        floor = timed([sys.executable, "-c", "import sqlalchemy.orm"], arguments.repeat)
        print(f"{'task':<34} {'ours (s)':>9} {'baseline (s)':>13} {'ratio':>7}   heavy imports")
        for label, command in (("workbench info --json", ["info", str(project), "--json"]),
                               ("workbench codings --json", ["codings", str(project), "--json"])):
            ours = timed([sys.executable, "-m", "workbench", *command], arguments.repeat)
            print(f"{label:<34} {ours:9.3f} {floor:13.3f} {ours / floor:7.2f}   "
                  f"{heavy_imports(command)}")
        print(f"(baseline: python -c \"import sqlalchemy.orm\", median of {arguments.repeat})")


if __name__ == "__main__":
    main()
