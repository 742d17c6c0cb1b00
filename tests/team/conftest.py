"""The team tests run against a real PostgreSQL cluster of their own (one per test worker);
each test gets a fresh database on it."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.team.cluster import Cluster, find_bindir


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (initdb not found; .ci/run installs Debian's "
                    "postgresql package)")
    try:
        made = Cluster(bindir)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot start a PostgreSQL cluster here ({error})")
    try:
        yield made
    finally:
        made.remove()


@pytest.fixture
def team_db(cluster: Cluster) -> str:
    """A fresh database name for this test (publishing creates it)."""
    return f"team_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """libpq's password file for this test's coders (add lines as they are created)."""
    path = tmp_path / "pgpass"
    path.write_text("")
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    return path
