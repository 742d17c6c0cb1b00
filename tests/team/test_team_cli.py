"""The team workflow on the command line: publish, add coders, join, sync, status, conflicts;
a server that cannot be reached, or a wrong password, is one clear line and changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import workbench  # noqa: F401 - the fixture
from tests.team.cluster import Cluster
from tests.team.helpers import coder_url, ids, start_project
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project


@pytest.mark.slow
def test_publish_add_coder_join_sync_and_status(
        workbench, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:  # noqa: F811
    start_project(tmp_path / "lead.cwb").close()
    published = workbench("team", "publish", tmp_path / "lead.cwb", cluster.url(team_db))
    assert published.code == 0, published.err
    assert "Published 8 entities" in published.out and cluster.password not in published.out

    added = workbench("team", "add-coder", cluster.url(team_db), f"{team_db}_amal")
    assert added.code == 0, added.err
    password = added.out.splitlines()[1]
    pgpass.write_text(f"127.0.0.1:{cluster.port}:{team_db}:{team_db}_amal:{password}\n")

    url = coder_url(cluster, team_db, f"{team_db}_amal")
    joined = workbench("team", "join", url, tmp_path / "amal.cwb")
    assert joined.code == 0 and "holds 8 entities" in joined.out, joined.err
    assert password not in (tmp_path / "amal.cwb").read_bytes().decode("latin-1")
    with Project.open(tmp_path / "amal.cwb") as amal:
        documents, codes = ids(amal)
        apply_code(amal, documents[0], codes["Encounter"], 0, 30, coder="Amal")
    status = workbench("team", "status", tmp_path / "amal.cwb", "--json")
    assert json.loads(status.out)["state"] == "changes"
    synced = workbench("team", "sync", tmp_path / "amal.cwb", "--json")
    assert synced.code == 0, synced.err
    assert json.loads(synced.out)["pushed"] == 2  # the coding and its coder, Amal
    assert "synchronised" in workbench("team", "status", tmp_path / "amal.cwb").out
    listed = workbench("team", "conflicts", tmp_path / "amal.cwb").out.strip()
    assert listed.startswith("No conflicts (as of the last sync, ")


@pytest.mark.slow
def test_a_wrong_password_or_no_server_is_one_line_and_leaves_the_project_untouched(
        workbench, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:  # noqa: F811
    start_project(tmp_path / "lead.cwb").close()
    assert workbench("team", "publish", tmp_path / "lead.cwb", cluster.url(team_db)).code == 0
    before = (tmp_path / "lead.cwb").read_bytes()

    wrong = workbench("team", "sync", tmp_path / "lead.cwb", "--keep-backups", "0")
    assert wrong.code == 2 and len(wrong.err.strip().splitlines()) == 1
    assert "refused user 'postgres': wrong or missing password" in wrong.err
    assert (tmp_path / "lead.cwb").read_bytes() == before

    nowhere = workbench("team", "join", "postgresql://amal@127.0.0.1:1/nothing", tmp_path / "x.cwb")
    assert nowhere.code == 2 and len(nowhere.err.strip().splitlines()) == 1
    assert "cannot reach the team server 127.0.0.1:1/nothing" in nowhere.err
    assert not (tmp_path / "x.cwb").exists()


def test_the_parser_imports_neither_the_driver_nor_sqlalchemy() -> None:
    probe = ("import sys\nfrom workbench.cli.parser import build_parser\n"
             "build_parser(['team', 'sync', 'x.cwb'])\n"
             "print(sorted(n for n in ('psycopg', 'sqlalchemy') if n in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
