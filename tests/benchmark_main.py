"""Run a benchmark script's ``main()`` inside the test process and return what it printed.

A fresh interpreter per benchmark test paid a second or two of start and imports (SQLAlchemy,
python-docx, pandas, ...) that the test worker has already paid, for figures that are not about
starting a process. Scripts whose figure is a process start still start those processes
themselves; the GUI ones, which freeze the collector and hook its callbacks, keep their own
interpreter (``tests.helpers.run_benchmark``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys

from tests.helpers import REPO

BENCHMARKS = REPO / "benchmarks"


def run_benchmark_main(script: str, *arguments: object, **given: object) -> str:
    """``benchmarks/<script> arguments...`` run in process: what it printed to stdout.
    ``given``: keyword arguments for the script's ``main()`` (e.g. a running cluster to use).

    The script's changes to ``sys.argv``, ``sys.path``, the environment (the team benchmarks set
    libpq's variables) and the working folder are undone afterwards, so the tests after it see
    the process as it was."""
    path = BENCHMARKS / script
    spec = importlib.util.spec_from_file_location(f"_benchmark_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    saved_argv, saved_path, saved_environ = sys.argv, list(sys.path), dict(os.environ)
    saved_cwd = os.getcwd()
    output = io.StringIO()
    try:
        os.chdir(REPO)
        sys.argv = [str(path), *map(str, arguments)]
        module = importlib.util.module_from_spec(spec)
        with contextlib.redirect_stdout(output):
            spec.loader.exec_module(module)
            try:
                module.main(**given)
            except SystemExit as stop:  # argparse or the script gave up: say why, as a failure
                if stop.code not in (0, None):
                    raise AssertionError(f"{script} exited ({stop.code}): {output.getvalue()}"
                                         ) from None
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
        os.environ.clear()
        os.environ.update(saved_environ)
        os.chdir(saved_cwd)
    return output.getvalue()
