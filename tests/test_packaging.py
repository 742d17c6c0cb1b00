"""A normal (non-editable) install carries the codebooks, schemas and sample project."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hatchling.build import build_wheel

pytestmark = pytest.mark.slow  # builds a wheel and the sample project from it

REPO = Path(__file__).resolve().parent.parent

_CHECK = """
import sys
from pathlib import Path
from workbench.core.paths import bundled_dir
from workbench.core.services.codebook import create_project
from workbench.core.sample.builder import build_sample_project
installed = Path(sys.argv[1]).resolve()
for name in ("codebooks", "resources", "sample_projects"):
    assert installed in bundled_dir(name).resolve().parents, (name, bundled_dir(name))
with create_project(Path(sys.argv[2]) / "a.cwb", codebook="social-cohesion") as p:
    pass
with build_sample_project(Path(sys.argv[2]) / "sample.cwb") as p:
    pass
print("ok")
"""


def test_a_wheel_install_finds_its_bundled_data(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The wheel pip would build (the backend's PEP 517 hook, run in the project's folder, as pip
    # runs it), installed as an installer installs a pure-Python wheel: unpacked into the target
    # (pip's own start-up and byte-compiling took two thirds of the time).
    monkeypatch.chdir(REPO)
    wheel = tmp_path / "dist" / build_wheel(str(tmp_path / "dist"))
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    assert (target / "workbench" / "_data" / "codebooks" / "solidarity-in-diversity.qdc").is_file()
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    completed = subprocess.run([sys.executable, "-c", _CHECK, str(target), str(work)], cwd=work,
                               env=env, capture_output=True, text=True, timeout=300)
    assert completed.stdout.strip() == "ok", completed.stderr
