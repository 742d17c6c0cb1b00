"""The command line's start: `workbench info --json` and `workbench codings --json` on the
sample project, each run as a whole process, beside `python -c "import sqlalchemy.orm"` (the
floor: the database layer every command needs) measured in the same run. Target: ratio <= 1.5.
Also lists the heavy libraries each command's process imported.

The processes start from bytecode, as an installed application does (see installed.py); each
command runs once untimed first, which writes it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from installed import installed_environment

HEAVY = ("pandas", "numpy", "openpyxl", "docx", "PySide6")
_PROBE = ("import runpy, sys\nsys.argv = ['workbench', *sys.argv[1:]]\n"
          "try:\n    runpy.run_module('workbench', run_name='__main__')\n"
          "except SystemExit:\n    pass\n"
          f"sys.stderr.write(repr([m for m in {HEAVY!r} if m in sys.modules]))\n")


_BYTECODE = Path(tempfile.mkdtemp(prefix="bench-cli-bytecode-"))


def _environment() -> dict[str, str]:
    return installed_environment(_BYTECODE)


def timed(commands: dict[str, list[str]], repeat: int, warm_up: bool = True) -> dict[str, float]:
    """Median wall time of ``repeat`` runs of each command as a whole process. The commands take
    turns (one run of each, then again), so a burst of load elsewhere on a shared machine falls
    on all of them alike instead of on one."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for command in commands.values() if warm_up else ():  # untimed: writes the bytecode
        subprocess.run(command, check=True, capture_output=True, env=_environment())
    for _ in range(repeat):
        for label, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=_environment())
            times[label].append(time.perf_counter() - started)
    return {label: statistics.median(runs) for label, runs in times.items()}


def heavy_imports(arguments: list[str]) -> str:
    completed = subprocess.run([sys.executable, "-c", _PROBE, *arguments], check=True,
                               capture_output=True, text=True, env=_environment())
    return completed.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--sample", type=Path,
                        help="a sample project already built (the tests share one); by default "
                             "`workbench sample` builds one first")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="no untimed first run of each command (a tiny run for the tests)")
    arguments = parser.parse_args()
    try:
        run(arguments)
    finally:
        shutil.rmtree(_BYTECODE, ignore_errors=True)


def run(arguments: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "sample.cwb"
        if arguments.sample:
            shutil.copyfile(arguments.sample, project)
        else:
            subprocess.run([sys.executable, "-m", "workbench", "sample", str(project)],
                           check=True, capture_output=True, env=_environment())
        tasks = {"workbench info --json": ["info", str(project), "--json"],
                 "workbench codings --json": ["codings", str(project), "--json"]}
        medians = timed({"baseline": [sys.executable, "-c", "import sqlalchemy.orm"],
                         **{label: [sys.executable, "-m", "workbench", *command]
                            for label, command in tasks.items()}}, arguments.repeat,
                        not arguments.no_warm_up)
        floor = medians["baseline"]
        print(f"{'task':<34} {'ours (s)':>9} {'baseline (s)':>13} {'ratio':>7}   heavy imports")
        for label, command in tasks.items():
            ours = medians[label]
            print(f"{label:<34} {ours:9.3f} {floor:13.3f} {ours / floor:7.2f}   "
                  f"{heavy_imports(command)}")
        print(f"(baseline: python -c \"import sqlalchemy.orm\", median of {arguments.repeat}; "
              "every process starts from bytecode, as installed)")


if __name__ == "__main__":
    main()
