"""Acceptance 3: a sync killed (SIGKILL) while pushing or pulling, a server restarted or stopped
in the middle of one: the next sync completes, and nothing is lost or duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import copy_of_template
from tests.preloaded_python import Child, PreloadedPython
from tests.team.cluster import Cluster
from tests.team.helpers import (
    add_login,
    coder_url,
    differences,
    ids,
    local_dump,
    publish,
    server_dump,
    start_project,
)
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.storage import Project
from workbench.core.team import api

pytestmark = pytest.mark.slow


@dataclass
class Team:
    lead: Path
    coder: Path
    database: str


@pytest.fixture(scope="module")
def python() -> Iterator[PreloadedPython]:
    """Forks the syncs run in the background: a process of their own, without a cold start."""
    with PreloadedPython(["workbench.cli", "workbench.cli.team_commands",
                          "workbench.core.team.api", "psycopg"]) as preloaded:
        yield preloaded


@pytest.fixture
def team(cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    # The lead's project is the same for every test (a copy: each publishes its own database).
    copy_of_template(tmp_path_factory, "team-faults", lambda path: start_project(path).close(),
                     tmp_path / "lead.cwb")
    with Project.open(tmp_path / "lead.cwb") as lead:
        publish(cluster, team_db, pgpass, lead)
    add_login(cluster, team_db, pgpass, f"{team_db}_amal")
    api.join(coder_url(cluster, team_db, f"{team_db}_amal"), tmp_path / "amal.cwb")
    yield Team(tmp_path / "lead.cwb", tmp_path / "amal.cwb", team_db)


def code_many(path: Path, coder: str, count: int, offset: int = 0) -> None:
    with Project.open(path) as project:
        documents, codes = ids(project)
        leaves = [codes[name] for name in ("Encounter", "Shared struggle", "Interdependence")]
        apply_codings(project, [
            CodingSpec(documents[(n // 60) % 2], leaves[(n // 120) % 3], (n % 60) * 11 + offset,
                       (n % 60) * 11 + offset + 5, coder) for n in range(count)])


def sync_in_background(path: Path, pause: str,
                       python: PreloadedPython | None = None) -> subprocess.Popen[str] | Child:
    """``workbench team sync`` in its own process, paused at ``pause`` until we act: forked
    from ``python``, or else a cold ``python -m workbench`` as a user starts it."""
    command = ["team", "sync", str(path), "--keep-backups", "0"]
    env = {**os.environ, "WORKBENCH_TEAM_PAUSE": pause}
    process: subprocess.Popen[str] | Child
    if python is not None:
        process = python.start("workbench", command, env=env)
    else:
        process = subprocess.Popen([sys.executable, "-m", "workbench", *command],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None and process.stderr is not None
    line = process.stdout.readline()
    assert line.strip() == f"paused at {pause}", line + process.stderr.read()
    return process


def sync(path: Path) -> api.SyncReport:
    with Project.open(path) as project:
        return api.synchronise(project)


def settle(cluster: Cluster, team: Team, codings: int) -> None:
    """Both copies synchronise; they and the server hold the same, with every coding once."""
    for path in (team.coder, team.lead, team.coder):
        sync(path)
    with Project.open(team.lead) as lead, Project.open(team.coder) as coder:
        dumps = [local_dump(lead), local_dump(coder), server_dump(cluster, team.database)]
    assert differences(*dumps) == []
    assert len(dumps[0]["coding"]) == codings


@pytest.mark.parametrize("pause", ["pushing", "pulled", "pushed"])
def test_a_sync_killed_mid_way_loses_and_duplicates_nothing(
        cluster: Cluster, team: Team, python: PreloadedPython, pause: str) -> None:
    code_many(team.lead, "Lotte", 120, offset=6)  # for the coder to pull
    sync(team.lead)
    code_many(team.coder, "Amal", 300)
    process = sync_in_background(team.coder, pause, python)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    report = sync(team.coder)
    assert report.pushed >= 300 and report.pulled >= 120
    settle(cluster, team, 420)


def test_the_server_restarted_mid_sync(cluster: Cluster, team: Team) -> None:
    code_many(team.coder, "Amal", 300)
    process = sync_in_background(team.coder, "pushing")  # a cold process, as a user starts it
    cluster.restart()
    _, errors = process.communicate("go on\n", timeout=90)
    assert process.returncode == 2 and len(errors.strip().splitlines()) == 1, errors
    settle(cluster, team, 300)


def test_the_network_cut_mid_sync(cluster: Cluster, team: Team, python: PreloadedPython) -> None:
    code_many(team.coder, "Amal", 300)
    process = sync_in_background(team.coder, "pushing", python)
    cluster.stop("immediate")
    try:
        _, errors = process.communicate("go on\n", timeout=90)
        assert process.returncode == 2 and len(errors.strip().splitlines()) == 1, errors
        before = team.coder.read_bytes()
        with Project.open(team.coder) as coder, pytest.raises(api.TeamError, match="cannot reach"):
            api.synchronise(coder)
        assert team.coder.read_bytes() == before
    finally:
        cluster.start()
    settle(cluster, team, 300)
