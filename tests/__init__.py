"""The test suite. Importing the package (pytest does so before any conftest or test module)
keeps bytecode where a sandbox forbids writing it beside the source; see :func:`_keep_bytecode`."""

from __future__ import annotations

import os
import sys
import tempfile


def _keep_bytecode() -> None:
    """Where PYTHONDONTWRITEBYTECODE is set (sandboxes, some CI images), every Python the suite
    starts (each xdist worker, each command-line or kill-test child, each benchmark) would compile
    our ~200 modules and the tests from source again: 2-3 s of processor time a process. Keep the
    bytecode in a folder outside the checkout instead (the source tree stays clean). The workers
    and every child process inherit the folder through the environment; Python writes each file
    whole (a temporary file, then a rename), so parallel writers are safe."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    folder = os.path.join(tempfile.gettempdir(), f"workbench-test-bytecode-{os.getuid()}")
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = folder
    sys.dont_write_bytecode = False
    sys.pycache_prefix = folder


_keep_bytecode()
