"""In the window: Sync now runs in the worker, and while it waits on the server (held at the
``pulled`` fault point) the researcher codes a passage; the coding goes in at once, the sync
finishes, and the next one sends it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.team.cluster import Cluster
from tests.team.helpers import differences, local_dump, server_dump
from tests.team.test_team_window import WAIT_MS, Researcher, _code_id, publish_as_lead
from workbench.core.team import sync
from workbench.gui.context import TextSelection


@pytest.fixture
def lead(qapp, qtbot, tmp_path: Path) -> Iterator[Researcher]:
    from workbench.gui.i18n import install_language

    install_language("en", qapp)
    person = Researcher(qtbot, tmp_path / "lotte", "Lotte")
    yield person
    person.close()


@pytest.mark.slow  # over half a second: a window publishes and holds a sync
def test_coding_while_the_window_synchronises(
        qtbot, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, lead: Researcher,
        monkeypatch: pytest.MonkeyPatch) -> None:
    publish_as_lead(qtbot, cluster, team_db, lead, tmp_path / "lead.cwb")
    qtbot.waitUntil(lambda: lead.window.document_view.document is not None)
    document = lead.window.document_view.document
    assert document is not None
    document_id = document.id
    encounter = _code_id(lead, "Encounter")
    lead.context.set_selection(TextSelection(document_id, 0, 40))
    assert lead.context.code_selection(encounter) is not None
    lead.wait_for("2 change")  # the coding and Lotte as a coder

    reached, go_on = threading.Event(), threading.Event()

    def pause(point: str) -> None:
        if point == "pulled":
            reached.set()
            assert go_on.wait(60)

    monkeypatch.setattr(sync, "_pause", pause)
    lead.wait_idle()
    lead.team.sync_action.trigger()
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    lead.context.set_selection(TextSelection(document_id, 60, 120))
    assert lead.context.code_selection(encounter) is not None  # at once, during the sync
    assert lead.team.session.busy and lead.prompts.errors == []
    go_on.set()
    lead.wait_idle()
    lead.wait_for("1 change")  # the coding made during the sync, for the next one

    monkeypatch.setattr(sync, "_pause", lambda _point: None)
    lead.sync()
    lead.wait_for("Synchronised")
    project = lead.context.project
    assert project is not None
    dumps = [local_dump(project), server_dump(cluster, team_db)]
    assert differences(*dumps) == []
    assert sorted((c["start"], c["end"]) for c in dumps[1]["coding"].values()) == [
        (0, 40), (60, 120)]
    assert lead.prompts.errors == []
