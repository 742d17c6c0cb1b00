"""Issue 13: a sync costs what the changes cost, not what the project holds. Measured as SQLite's
own work (virtual-machine steps, which grow with the rows read), never as time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.team.cluster import Cluster
from tests.team.helpers import differences, ids, local_dump, publish, server_dump, start_project
from workbench.core.model import Case
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document
from workbench.core.storage import Project
from workbench.core.team import api, dirty

CODINGS = 3000


class Work:
    """Counts SQLite's virtual-machine steps (in hundreds) on the project's connections."""

    def __init__(self, project: Project) -> None:
        self.steps = 0
        self._engine = project.engine
        event.listen(self._engine, "checkout", self._attach)
        event.listen(self._engine, "checkin", self._detach)

    def _attach(self, connection: Any, _record: Any, _proxy: Any) -> None:
        connection.set_progress_handler(self._tick, 100)

    def _detach(self, connection: Any, _record: Any) -> None:
        connection.set_progress_handler(None, 0)

    def _tick(self) -> int:
        self.steps += 1
        return 0  # go on

    def close(self) -> None:
        event.remove(self._engine, "checkout", self._attach)
        event.remove(self._engine, "checkin", self._detach)


@pytest.fixture
def big(cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> Iterator[Project]:
    """A published project of a few thousand codings."""
    project = start_project(tmp_path / "lead.cwb")
    with project.reading() as session:
        case = session.query(Case).first()
        assert case is not None
    add_document(project, case.id, "Field notes", "We met at the market again. " * 1300)
    documents, codes = ids(project)
    apply_codings(project, [CodingSpec(documents[-1], codes["Encounter"], 11 * n, 11 * n + 5,
                                       "Lotte") for n in range(CODINGS)])
    publish(cluster, team_db, pgpass, project)
    try:
        yield project
    finally:
        project.close()


def measure(project: Project, work: Any) -> int:
    counter = Work(project)
    try:
        work()
    finally:
        counter.close()
    return counter.steps


@pytest.mark.slow  # over half a second: a project of hundreds of codings published and synced
def test_a_sync_of_one_coding_reads_what_changed_not_the_project(
        big: Project, cluster: Cluster, team_db: str) -> None:
    documents, codes = ids(big)
    apply_code(big, documents[0], codes["Shared struggle"], 0, 20, coder="Lotte")
    counted = measure(big, lambda: api.pending_changes(big))
    synced = measure(big, lambda: api.synchronise(big))

    apply_code(big, documents[0], codes["Shared struggle"], 40, 60, coder="Lotte")
    with big.transaction("Forget the marks") as session:  # a file linked before they existed
        connection = session.connection()
        for name, in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'team_dirty%'").all():
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
        connection.exec_driver_sql("DROP TABLE sync_dirty")
    counted_fully = measure(big, lambda: api.pending_changes(big))
    synced_fully = measure(big, lambda: api.synchronise(big))
    print(f"\nSQLite steps (hundreds), {CODINGS:,} codings: count changes {counted} "
          f"(every row: {counted_fully}); sync one coding {synced} (every row: {synced_fully})")
    assert counted * 20 < counted_fully and synced * 10 < synced_fully

    with big.reading() as session:  # the full sync put the marks back
        assert dirty.installed(session.connection())
    assert api.pending_changes(big) == 0
    assert differences(local_dump(big), server_dump(cluster, team_db)) == []
    assert len(local_dump(big)["coding"]) == CODINGS + 2
