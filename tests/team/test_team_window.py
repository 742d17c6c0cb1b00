"""The team project in the window: a lead publishes from the Team menu, a coder connects a copy
of their own, codes, and synchronises with Sync now while the status bar follows along; a
conflicting rename shows in the Conflicts dialog and flips; a wrong password is one message and
leaves the file as it was. Real widgets, a real throwaway PostgreSQL cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import ScriptedPrompts
from tests.team.cluster import Cluster
from tests.team.helpers import add_login, coder_url, ids, local_dump, start_project
from workbench.core.queries.listing import CodeRow
from workbench.core.services.cases import create_case
from workbench.core.services.codes import move_code, rename_code
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings
from workbench.gui.team.conflict_rows import ConflictRow, read_conflicts
from workbench.gui.team.conflicts_dialog import (
    FIELD,
    KEPT,
    LOST,
    STATE,
    WHAT,
    ConflictsModel,
)
from workbench.gui.team.connect_dialog import server_url
from workbench.gui.team.menu import TeamMenu

WAIT_MS = 30_000


class TeamPrompts(ScriptedPrompts):
    def __init__(self) -> None:
        super().__init__()
        self.passwords: list[str | None] = []
        self.password_questions: list[str] = []

    def ask_password(self, parent, label, title=""):
        self.password_questions.append(label)
        return self.passwords.pop(0) if self.passwords else None


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    from workbench.gui.i18n import install_language

    install_language("en", qapp)


class Researcher:
    """One person's window on their own copy."""

    def __init__(self, qtbot, folder: Path, name: str) -> None:
        folder.mkdir(exist_ok=True)
        settings = Settings(folder / "settings.ini")
        settings.coder_name = name
        self.prompts = TeamPrompts()
        self.context = AppContext(settings, self.prompts)
        self.window = MainWindow(self.context)
        qtbot.addWidget(self.window)
        self.window.resize(1366, 768)
        with qtbot.waitExposed(self.window):
            self.window.show()
        self.qtbot = qtbot
        self.team: TeamMenu = self.window.team

    def indicator(self) -> str:
        return self.team.indicator.text() if self.team.indicator.isVisible() else ""

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.team.session.busy, timeout=WAIT_MS)

    def wait_for(self, text: str) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.indicator().startswith(text), timeout=WAIT_MS)
        except Exception:
            print("INDICATOR", repr(self.indicator()), self.team.session.status)
            raise

    def sync(self) -> None:
        self.wait_idle()
        self.team.sync_action.trigger()
        assert self.team.session.busy  # in the worker: the window is not waiting
        self.wait_idle()

    def close(self) -> None:
        self.team.session.wait()
        self.context.close_project()


@pytest.fixture
def people(qtbot, tmp_path: Path) -> Iterator[Callable[[str], Researcher]]:
    made: dict[str, Researcher] = {}

    def make(name: str) -> Researcher:
        made[name] = Researcher(qtbot, tmp_path / name.lower(), name)
        return made[name]

    yield make
    for person in made.values():
        person.close()


def address(cluster: Cluster, database: str) -> str:
    return f"127.0.0.1:{cluster.port}/{database}"


def publish_as_lead(qtbot, cluster: Cluster, team_db: str, lead: Researcher, path: Path) -> None:
    start_project(path).close()
    assert lead.context.open_project(path)
    lead.wait_idle()
    assert not lead.team.indicator.isVisible()  # not linked: no team status at all
    dialog = lead.team.open_publish()
    assert dialog is not None
    dialog.address_edit.setText(address(cluster, team_db))
    dialog.user_edit.setText("postgres")
    dialog.password_edit.setText(cluster.password)
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    lead.wait_for("Synchronised")


def connect_copy(qtbot, cluster: Cluster, team_db: str, coder: Researcher, user: str,
                 password: str, path: Path):
    dialog = coder.team.open_connect()
    dialog.address_edit.setText(address(cluster, team_db))
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    coder.prompts.answers = [str(path)]
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.slow  # two copies, three syncs on the cluster (wrong-password test stays quick)
def test_publish_connect_code_sync_and_flip_a_conflict_from_the_window(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, people) -> None:
    lead, amal = people("Lotte"), people("Amal")
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    assert cluster.password.encode() not in (tmp_path / "lead.cwb").read_bytes()

    user = f"{team_db}_amal"
    password = add_login(cluster, team_db, pgpass, user, lead=True)  # she co-leads the codebook
    dialog = connect_copy(qtbot, cluster, team_db, amal, user, password, tmp_path / "amal.cwb")
    qtbot.waitUntil(lambda: amal.context.project is not None, timeout=WAIT_MS)
    assert not dialog.isVisible()
    assert amal.context.project.path.name == "amal.cwb"
    amal.wait_for("Synchronised")
    assert password.encode() not in (tmp_path / "amal.cwb").read_bytes()

    # Amal codes a passage of the first interview: her first coding sends her name as a coder
    # too (two changes, counted in the worker); her next coding is one change to send.
    qtbot.waitUntil(lambda: amal.window.document_view.document is not None)
    document_id = amal.window.document_view.document.id
    encounter = _code_id(amal, "Encounter")
    amal.context.set_selection(TextSelection(document_id, 0, 40))
    assert amal.context.code_selection(encounter) is not None
    amal.wait_for("2 change")
    amal.sync()
    amal.wait_for("Synchronised")
    amal.context.set_selection(TextSelection(document_id, 60, 120))
    assert amal.context.code_selection(encounter) is not None
    amal.wait_for("1 change")
    assert amal.team.session.status.pending == 1
    amal.context.run(create_case, "Library")
    amal.wait_for("2 change")
    amal.sync()
    amal.wait_for("Synchronised")
    assert amal.prompts.errors == []

    # The lead's window receives the coding: the codebook count and the open document show it.
    lead_document = lead.window.document_view
    qtbot.waitUntil(lambda: lead_document.document is not None)
    before = len(lead_document.highlighter.layers.codings)
    lead.sync()
    lead.wait_for("Synchronised")
    qtbot.waitUntil(lambda: len(lead_document.highlighter.layers.codings) == before + 2)
    code_row = lead.window.codebook_panel.model.code(_code_id(lead, "Encounter"))
    assert code_row is not None and code_row.codings == 2
    cases = lead.window.cases_panel.model
    qtbot.waitUntil(lambda: "Library" in {cases.index(row, 0).data()
                                          for row in range(cases.rowCount())})

    # Both rename the same code before they synchronise: a conflict, listed and flipped.
    amal.context.run(rename_code, _code_id(amal, "Shared struggle"), "Common struggle")
    lead.context.run(rename_code, _code_id(lead, "Shared struggle"), "Struggling together")
    amal.wait_for("1 change")
    amal.sync()
    lead.team.session.check(ask=True)  # the timer's server check is running...
    lead.team.sync_action.trigger()  # ...when the lead asks to sync: it starts right after
    lead.wait_idle()
    lead.wait_for("1 conflict")
    dialog = lead.team.show_conflicts()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    model = dialog.model
    assert model.index(0, WHAT).data().startswith("Code: ")
    assert model.index(0, FIELD).data() == "name"
    kept, lost = model.index(0, KEPT).data(), model.index(0, LOST).data()
    assert {kept, lost} == {"Common struggle", "Struggling together"}
    assert model.index(0, STATE).data() == "open"
    assert _code_names(lead) & {kept, lost} == {kept}
    dialog.select_row(0)
    assert dialog.flip_button.isEnabled()
    qtbot.mouseClick(dialog.flip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, STATE).data() == "flipped",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: lost in _code_names(lead))  # the codebook panel refreshed
    lead.wait_for("Synchronised")
    dialog.close()

    amal.sync()
    assert lost in _code_names(amal)
    assert lead.prompts.errors == [] and amal.prompts.errors == []


@pytest.mark.slow  # over half a second: a window publishes, then two failed logins
def test_a_wrong_password_is_one_message_and_leaves_the_file_untouched(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, people) -> None:
    lead = people("Lotte")
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    user = f"{team_db}_bo"
    add_login(cluster, team_db, pgpass, user)
    bo = people("Bo")

    # Connecting with a wrong password: one message, the dialog stays, no file is made.
    dialog = connect_copy(qtbot, cluster, team_db, bo, user, "not-the-password",
                          tmp_path / "bo.cwb")
    qtbot.waitUntil(lambda: bo.prompts.errors != [], timeout=WAIT_MS)
    assert len(bo.prompts.errors) == 1 and "password" in bo.prompts.errors[0]
    assert "\n" not in bo.prompts.errors[0]
    assert dialog.isVisible() and dialog.action_button.isEnabled()
    assert not (tmp_path / "bo.cwb").exists() and bo.context.project is None
    dialog.reject()

    # Syncing with a wrong password kept for this session: asked once, then one message.
    lead.context.run(rename_code, _code_id(lead, "Encounter"), "Organised encounter")
    lead.wait_for("1 change")
    project = lead.context.project
    assert project is not None
    dump, link = local_dump(project), api.status(project, ask_server=False)
    lead.team.session.remember_password(project.path, "not-the-password")
    lead.prompts.passwords = [None]  # the researcher cancels the password question
    lead.sync()
    assert len(lead.prompts.password_questions) == 1
    assert len(lead.prompts.errors) == 1 and "password" in lead.prompts.errors[0]
    assert local_dump(project) == dump
    assert api.status(project, ask_server=False) == link
    assert lead.indicator() == "Password needed · 1 change to send"


def _code_id(person: Researcher, name: str) -> int:
    model = person.window.codebook_panel.model
    found = [code_id for code_id in model.code_ids() if _name(model.code(code_id)) == name]
    assert found, name
    return found[0]


def _code_names(person: Researcher) -> set[str]:
    model = person.window.codebook_panel.model
    return {_name(model.code(code_id)) for code_id in model.code_ids()}


def _name(row: CodeRow | None) -> str:
    assert row is not None
    return row.name


@pytest.mark.slow  # a sync against the cluster
def test_the_right_password_typed_when_asked_synchronises(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, people) -> None:
    lead = people("Lotte")
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    project = lead.context.project
    assert project is not None
    lead.team.session.remember_password(project.path, "an-old-password")
    lead.team.session.check(ask=True)  # the timer's check: the server refuses the old one
    lead.wait_for("Password needed")
    assert lead.prompts.password_questions == []  # nothing asked until she acts
    lead.context.run(rename_code, _code_id(lead, "Encounter"), "Organised encounter")
    lead.wait_for("Password needed · 1 change")
    lead.prompts.passwords = ["a-mistyped-password", cluster.password]
    qtbot.mouseClick(lead.team.indicator.button, Qt.MouseButton.LeftButton)  # sync now
    lead.wait_idle()  # each try runs in the worker too
    lead.wait_for("Synchronised")
    assert lead.prompts.errors == [] and len(lead.prompts.password_questions) == 2
    assert "refused user 'postgres'" in lead.prompts.password_questions[1]
    assert cluster.password.encode() not in (tmp_path / "lead.cwb").read_bytes()


@pytest.mark.slow  # stops and restarts the cluster
def test_offline_the_indicator_says_so_and_a_sync_changes_nothing(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, people) -> None:
    lead = people("Lotte")
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    project = lead.context.project
    assert project is not None
    lead.context.run(rename_code, _code_id(lead, "Encounter"), "Organised encounter")
    lead.wait_for("1 change")
    cluster.stop()
    try:
        lead.team.session.check(ask=True)  # what the timer does every few minutes
        lead.wait_for("Offline")
        assert "1 change" in lead.indicator()
        dump = local_dump(project)
        lead.sync()
        assert len(lead.prompts.errors) == 1 and "cannot reach" in lead.prompts.errors[0]
        assert lead.prompts.password_questions == []
        assert local_dump(project) == dump
        lead.context.run(rename_code, _code_id(lead, "Shared struggle"), "Common struggle")
        lead.wait_for("Offline")  # coding on: still offline, now two changes to send
        qtbot.waitUntil(lambda: "2 change" in lead.indicator())
    finally:
        cluster.start()
    lead.sync()
    lead.wait_for("Synchronised")


@pytest.mark.slow  # over half a second: stops and restarts the PostgreSQL cluster
def test_offline_the_conflicts_dialog_lists_the_last_sync_s_conflicts(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, people) -> None:
    lead = people("Lotte")
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    user = f"{team_db}_amal"
    add_login(cluster, team_db, pgpass, user, lead=True)
    api.join(coder_url(cluster, team_db, user), tmp_path / "amal.cwb")
    with Project.open(tmp_path / "amal.cwb") as amal:
        encounter = next(code for code in ids(amal)[1].items() if code[0] == "Encounter")[1]
        move_code(amal, ids(amal)[1]["Interdependence"], encounter)
        api.synchronise(amal)
    lead.context.run(move_code, _code_id(lead, "Encounter"), _code_id(lead, "Interdependence"))
    qtbot.waitUntil(lambda: "to send" in lead.indicator(), timeout=WAIT_MS)
    lead.sync()
    lead.wait_for("1 conflict")

    cluster.stop()
    try:
        lead.team.session.check(ask=True)
        lead.wait_for("Offline")
        dialog = lead.team.show_conflicts()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
        assert "as of the last sync" in dialog.state_label.text()
        model = dialog.model
        assert model.index(0, WHAT).data() == "Code: Encounter"
        assert model.index(0, FIELD).data() == "place in the tree"
        # Her move lost against Amal's: Encounter stays at its place, named, not a UUID.
        assert (model.index(0, KEPT).data(), model.index(0, LOST).data()) == (
            "Sources of solidarity", "Interdependence")
        dialog.select_row(0)
        qtbot.mouseClick(dialog.flip_button, Qt.MouseButton.LeftButton)  # needs the server
        qtbot.waitUntil(lambda: lead.prompts.errors != [], timeout=WAIT_MS)
        assert len(lead.prompts.errors) == 1 and "cannot reach" in lead.prompts.errors[0]
        assert lead.prompts.password_questions == []
        assert model.rowCount() == 1
        dialog.close()
    finally:
        cluster.start()

    # Back online with a password the server no longer takes: asked again, then the flip
    # reaches the server, which finds that Encounter would go under its own sub-code.
    project = lead.context.project
    assert project is not None
    lead.team.session.remember_password(project.path, "an-old-password")
    lead.prompts.passwords = [cluster.password]
    dialog = lead.team.show_conflicts()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    dialog.select_row(0)
    qtbot.mouseClick(dialog.flip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(lead.prompts.errors) == 2, timeout=WAIT_MS)
    assert len(lead.prompts.password_questions) == 1
    assert "own sub-codes" in lead.prompts.errors[1]
    dialog.close()


def test_the_conflicts_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ConflictsModel()
    model.set_rows([ConflictRow(api.Conflict(1, "code", "0c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f",
                                             "name", "Kept", "Lost", "lotte", "amal", False,
                                             "2026-12-03 10:00:00"), "Kept", "name")])
    qtmodeltester.check(model)
    assert model.index(0, LOST).data() == "Lost"


def test_an_address_takes_the_user_and_password_typed_beside_it() -> None:
    url = server_url("db.example.org:5433/study?sslmode=verify-full", "amal", "p@ss/word")
    assert url.startswith("postgresql://amal:p%40ss%2Fword@db.example.org:5433/study")
    assert url.endswith("sslmode=verify-full")
    assert server_url("postgresql://bo@host/db", "", "") == "postgresql://bo@host/db"


def test_conflict_rows_name_what_they_can_and_never_fail_on_a_nameless_kind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = start_project(tmp_path / "lead.cwb")
    try:
        with project.reading() as session:
            code_uuid = session.connection().exec_driver_sql(
                "SELECT uuid FROM code WHERE name = 'Encounter'").scalar()
        found = [api.Conflict(1, "code", str(code_uuid), "when_to_use", "Kept", "Lost", "lotte",
                              "amal", False, "2026-12-03 10:00:00"),
                 api.Conflict(2, "summary", "5c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f", "text", None,
                              "A summary", "amal", None, False, "2026-12-03 10:01:00")]
        monkeypatch.setattr("workbench.core.team.api.conflicts", lambda _project: found)
        rows = read_conflicts(project)
    finally:
        project.close()
    assert [(row.name, row.field, row.can_flip) for row in rows] == [
        ("Encounter", "when to use", True), ("", "text", True)]
