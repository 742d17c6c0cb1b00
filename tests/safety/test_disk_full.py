"""A full disk: the action fails with a message that says so, and the project is unchanged.

The disk is filled honestly: ``PRAGMA max_page_count`` on every connection of the project stops
the file from growing, so SQLite itself fails with SQLITE_FULL wherever the action needs a new
page, exactly as it does when the disk has no room left.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select

from tests.helpers import table_contents
from tests.safety.conftest import Material
from workbench.core.errors import ProjectFileError
from workbench.core.importers.job import import_files
from workbench.core.integrity import check_project
from workbench.core.merge.project_merge import merge_project
from workbench.core.model import Code, Document
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.history import undo
from workbench.core.storage import Project

FULL = "there is not enough space on the disk"


@contextmanager
def disk_full(project: Project) -> Iterator[None]:
    """While inside, the project's file cannot grow by a single page."""
    with project.reading() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    project.engine.dispose()  # connections made from here on are limited
    event.listen(project.engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(project.engine, "connect", limit)
        project.engine.dispose()


def _many_codings(project: Project) -> list[CodingSpec]:
    with project.reading() as session:
        documents = list(session.scalars(select(Document.id)))
        codes = list(session.scalars(select(Code.id).where(Code.codable)))
    return [CodingSpec(documents[n % len(documents)], codes[n % len(codes)], n % 50,
                       n % 50 + 5 + n % 7, f"Coder {n % 40}", memo=f"memo {n}")
            for n in range(20_000)]


def _bulk_coding(project: Project, material: Material) -> object:
    return apply_codings(project, _many_codings(project))


def _merge(project: Project, material: Material) -> object:
    # A small project: the file cannot grow by one page, and any merge needs many.
    return merge_project(project, material.small_other)


def _undo(project: Project, material: Material) -> object:
    return undo(project)


def _import_a_large_document(project: Project, material: Material) -> None:
    """Import a large document and compact the file: undoing it needs room for the redo step."""
    [outcome] = import_files(project, 1, material.transcripts[:1]).outcomes
    assert outcome.document_id is not None, outcome.message
    project.engine.dispose()
    connection = sqlite3.connect(project.path)
    connection.execute("VACUUM")
    connection.close()
    project.fold_log()  # the compaction was ours: the project notes the file's new size


ACTIONS: dict[str, tuple[Callable[[Project, Material], object],
                         Callable[[Project, Material], None] | None]] = {
    "coding 20,000 passages at once": (_bulk_coding, None),
    "merging a project": (_merge, None),
    "undoing the import of a large document": (_undo, _import_a_large_document),
}


@pytest.mark.parametrize(("action", "prepare"), ACTIONS.values(), ids=ACTIONS.keys())
def test_an_action_on_a_full_disk_says_so_and_changes_nothing(
        scratch: Material, action: Callable[[Project, Material], object],
        prepare: Callable[[Project, Material], None] | None) -> None:
    path = scratch.copy_of_base("full")
    with Project.open(path) as project:
        if prepare:
            prepare(project, scratch)
        before = table_contents(path)
        with disk_full(project):
            with pytest.raises(ProjectFileError) as raised:
                action(project, scratch)
        assert table_contents(path) == before

        message = str(raised.value)
        assert message.startswith(f"{path}: ") and FULL in message
        assert message.endswith("the project is unchanged.") and "\n" not in message

        action(project, scratch)  # with room on the disk again, the same action goes through
        assert table_contents(path) != before
    with Project.open(path) as project:
        assert check_project(project).clean


def test_importing_a_large_document_on_a_full_disk_reports_the_file_and_changes_nothing(
        scratch: Material) -> None:
    path = scratch.copy_of_base("full")
    source = scratch.transcripts[0]
    with Project.open(path) as project:
        before = table_contents(path)
        with disk_full(project):
            report = import_files(project, 1, [source])
        assert table_contents(path) == before

        [outcome] = report.outcomes
        assert (outcome.path, outcome.status) == (source, "failed")
        assert outcome.message == (f"{path}: the change could not be saved ({FULL}); "
                                   "the project is unchanged.")
        assert check_project(project).clean
