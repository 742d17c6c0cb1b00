"""Passwords and the two ways a server call fails: a refused login (a wrong password, none
given, a user the server does not know), which asking for the password again may mend, and a
server that is not there, which only time mends. Each is its own error, one line, and leaves
the project file as it was; every call that talks to the server takes the password."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.team.cluster import Cluster
from tests.team.helpers import coder_url, local_dump, publish, start_project
from workbench.core.services.codes import rename_code
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.core.team.server import TeamError, TeamLoginError, TeamOfflineError


@pytest.mark.slow
def test_a_coder_without_a_password_file_gives_the_password_to_each_call(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    with start_project(tmp_path / "lead.cwb") as lead:
        publish(cluster, team_db, pgpass, lead)
    name = f"{team_db}_bo"
    password = api.add_coder_role(cluster.url(team_db, "postgres", ""), name, lead=True,
                                  password=cluster.password)  # the admin's, typed
    url = coder_url(cluster, team_db, name)  # no password file line for Bo: only what he types

    with pytest.raises(TeamLoginError, match=f"refused user '{name}'"):
        api.join(url, tmp_path / "bo.cwb")  # none given
    assert not (tmp_path / "bo.cwb").exists()
    api.join(url, tmp_path / "bo.cwb", password=password)

    with Project.open(tmp_path / "bo.cwb") as bo:
        code = next(uuid for uuid, code in local_dump(bo)["code"].items()
                    if code["name"] == "Encounter")
        with bo.reading() as session:
            code_id = session.connection().exec_driver_sql(
                "SELECT id FROM code WHERE uuid = ?", (code,)).scalar()
        rename_code(bo, code_id, "Meeting strangers")
        dump = local_dump(bo)
        for call in (lambda: api.synchronise(bo, password="wrong"),
                     lambda: api.synchronise(bo),
                     lambda: api.status(bo, password="wrong"),
                     lambda: api.check_server(bo),
                     lambda: api.flip(bo, 1, password="wrong")):
            with pytest.raises(TeamLoginError) as refused:
                call()
            assert "\n" not in str(refused.value) and "wrong or missing password" in str(
                refused.value)
        assert local_dump(bo) == dump
        assert api.status(bo, ask_server=False).state == "changes"

        assert api.status(bo, password=password).state == "changes"
        assert api.synchronise(bo, password=password).pushed == 1
        assert api.status(bo, password=password).state == "synchronised"

    with pytest.raises(TeamLoginError):  # a user the server does not know
        api.join(coder_url(cluster, team_db, "nobody"), tmp_path / "x.cwb", password="x")


@pytest.mark.slow
def test_a_stopped_server_is_offline_not_a_password_question(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    with start_project(tmp_path / "lead.cwb") as lead:
        publish(cluster, team_db, pgpass, lead)
        with lead.reading() as session:
            code_id = session.connection().exec_driver_sql(
                "SELECT id FROM code WHERE name = 'Encounter'").scalar()
        rename_code(lead, code_id, "Meeting strangers")
        dump, before = local_dump(lead), (tmp_path / "lead.cwb").read_bytes()
        cluster.stop()
        try:
            for call in (lambda: api.synchronise(lead), lambda: api.check_server(lead),
                         lambda: api.flip(lead, 1)):
                with pytest.raises(TeamOfflineError, match="cannot reach the team server"):
                    call()
            offline = api.status(lead)
            assert (offline.state, offline.pending) == ("offline", 1)
            assert "cannot reach" in offline.message
            assert api.conflicts(lead) == []  # read from the file: no server needed
        finally:
            cluster.start()
        assert local_dump(lead) == dump
        assert (tmp_path / "lead.cwb").read_bytes() == before
        assert api.synchronise(lead).pushed == 1


@pytest.mark.parametrize(("message", "kind"), [
    ('connection to server at "db" failed: FATAL:  password authentication failed for user "bo"',
     TeamLoginError),
    ('connection to server at "db" failed: fe_sendauth: no password supplied', TeamLoginError),
    ('connection to server on socket "/run/x" failed: FATAL:  role "bo" does not exist',
     TeamLoginError),
    ('connection to server at "db" failed: Connection refused', TeamOfflineError),
    ("failed to resolve host 'db.example.org': [Errno -2] Name or service not known",
     TeamOfflineError),
    ('connection to server at "db" failed: timeout expired', TeamOfflineError),
    ("consuming input failed: server closed the connection unexpectedly", TeamOfflineError),
    ('connection to server at "db" failed: FATAL:  database "study" does not exist', TeamError),
])
def test_each_driver_message_is_a_login_an_offline_or_another_error(
        message: str, kind: type) -> None:
    from psycopg import OperationalError

    from workbench.core.team.server import kind_of

    assert kind_of(OperationalError(message)) is kind
