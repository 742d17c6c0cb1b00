"""Issue 13: nothing in the window waits for the network. A sync held on the way (at the
``pulled`` or ``pushing`` fault point) leaves the project file free: a coder codes through the
normal services at once, and after the next sync everything is on the server, once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

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
from workbench.core.services.codes import update_code
from workbench.core.services.codings import apply_code, remove_coding
from workbench.core.storage import Project
from workbench.core.team import api, dirty, sync


class HeldSync:
    """``api.synchronise`` in a worker thread (as the window runs it), held at one fault point
    until :meth:`finish`."""

    def __init__(self, project: Project, point: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached, self.go_on = threading.Event(), threading.Event()
        self.report: api.SyncReport | None = None
        self.error: BaseException | None = None

        def pause(name: str) -> None:
            if name == point:
                self.reached.set()
                assert self.go_on.wait(60)

        monkeypatch.setattr(sync, "_pause", pause)
        self.thread = threading.Thread(target=self._run, args=(project,))
        self.thread.start()
        assert self.reached.wait(60), "the sync never reached its fault point"

    def _run(self, project: Project) -> None:
        try:
            self.report = api.synchronise(project)
        except BaseException as error:  # handed to the test's thread by finish()
            self.error = error

    def finish(self) -> api.SyncReport:
        self.go_on.set()
        self.thread.join(60)
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report


@pytest.fixture
def copies(cluster: Cluster, team_db: str, pgpass: Path,
           tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    """The lead's copy and a second lead's (Bo), both linked to one team project."""
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    add_login(cluster, team_db, pgpass, f"{team_db}_bo", lead=True)
    api.join(coder_url(cluster, team_db, f"{team_db}_bo"), tmp_path / "bo.cwb")
    bo = Project.open(tmp_path / "bo.cwb")
    try:
        yield lead, bo
    finally:
        bo.close()
        lead.close()


@pytest.mark.slow  # over half a second: three copies published, joined and synced
@pytest.mark.parametrize("point", ["pulled", "pushing"])
def test_coding_during_a_held_sync_succeeds_and_travels_with_the_next(
        copies: tuple[Project, Project], cluster: Cluster, team_db: str,
        monkeypatch: pytest.MonkeyPatch, point: str) -> None:
    lead, bo = copies
    documents, codes = ids(bo)
    apply_code(bo, documents[1], codes["Encounter"], 0, 30, coder="Bo")
    api.synchronise(bo)  # for the lead to pull
    documents, codes = ids(lead)
    sent = [next(ref.id for ref in apply_code(lead, documents[0], codes["Encounter"], 40 * n,
                                              40 * n + 20, coder="Lotte").created
                 if ref.kind == "coding") for n in range(3)]

    held = HeldSync(lead, point, monkeypatch)
    # The window keeps working: a new coding, and one of those being sent removed again.
    made = apply_code(lead, documents[0], codes["Shared struggle"], 200, 230, coder="Lotte")
    remove_coding(lead, sent[1])
    assert held.thread.is_alive()  # both went in while the sync was still held
    report = held.finish()
    assert (report.pushed, report.pulled) == (4, 2)  # with the coders Lotte and Bo

    assert api.status(lead, ask_server=False).pending == 2  # the new coding, the removal
    again = api.synchronise(lead)
    assert again.pushed == 2
    api.synchronise(bo)
    dumps = [local_dump(lead), local_dump(bo), server_dump(cluster, team_db)]
    assert differences(*dumps) == []
    places = sorted((c["start"], c["end"]) for c in dumps[2]["coding"].values())
    assert places == [(0, 20), (0, 30), (80, 100), (200, 230)]
    assert made.subject.uuid in dumps[2]["coding"]
    assert api.status(lead, ask_server=False).pending == 0
    for copy in (lead, bo):  # the rows a sync wrote or settled carry no mark
        with copy.reading() as session:
            assert dirty.marked(session.connection()) == set()


@pytest.mark.slow  # over half a second: three copies published, joined and synced
def test_a_pulled_row_edited_during_the_sync_keeps_the_edit_and_lists_the_conflict(
        copies: tuple[Project, Project], cluster: Cluster, team_db: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    lead, bo = copies
    _, codes = ids(bo)
    update_code(bo, codes["Encounter"], definition="Meeting strangers", colour="#00AA00")
    api.synchronise(bo)

    _, codes = ids(lead)
    held = HeldSync(lead, "pulled", monkeypatch)
    update_code(lead, codes["Encounter"], definition="Meeting across difference")
    held.finish()
    encounter = next(code for code in local_dump(lead)["code"].values()
                     if code["name"] == "Encounter")
    assert encounter["definition"] == "Meeting across difference"  # the user's edit stays

    api.synchronise(lead)
    api.synchronise(bo)
    dumps = [local_dump(lead), local_dump(bo), server_dump(cluster, team_db)]
    assert differences(*dumps) == []
    encounter = next(code for code in dumps[2]["code"].values() if code["name"] == "Encounter")
    assert (encounter["definition"], encounter["colour"]) == ("Meeting across difference",
                                                              "#00AA00")
    [conflict] = api.conflicts(lead)
    assert (conflict.field, conflict.kept, conflict.lost) == (
        "definition", "Meeting across difference", "Meeting strangers")
