"""The environment a benchmark's child process runs in: as an installed application's.

``pip install`` compiles every module to bytecode, so an installed Coding Workbench starts from
``.pyc`` files, as the library baselines (SQLAlchemy, PySide6 in site-packages) already do. A
source checkout run with ``PYTHONDONTWRITEBYTECODE`` set (as some sandboxes and CI images do)
would instead compile all of our ~190 modules on every start: a cost no user pays, measured
against baselines that do not pay it either. So the children keep their bytecode in a cache
folder of the benchmark's own (``PYTHONPYCACHEPREFIX``; the source tree stays clean), and the
caller runs each once before timing it.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def installed_environment(bytecode_cache: Path) -> dict[str, str]:
    """``os.environ`` with the checkout importable and bytecode kept in ``bytecode_cache``, or in
    the bytecode folder the caller already keeps (the test suite's, see tests/__init__.py)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(bytecode_cache))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env
