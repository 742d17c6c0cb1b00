"""A project is one SQLite file: created whole, opened safely, foreign files never touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import add_case_with_document
from workbench.core.errors import NewerSchemaError, NotAProjectError, ProjectFileError
from workbench.core.model import Document
from workbench.core.queries.search import search_documents
from workbench.core.services.documents import delete_document, rename_document
from workbench.core.storage import APPLICATION_ID, SCHEMA_VERSION, Project


def test_a_new_project_is_one_file_in_wal_mode_with_its_schema_version(project_path: Path) -> None:
    Project.create(project_path, "Solidarity").close()

    assert sorted(p.name for p in project_path.parent.iterdir()) == [project_path.name]
    connection = sqlite3.connect(project_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("SELECT name FROM project").fetchone()[0] == "Solidarity"


def test_foreign_keys_are_enforced_on_every_connection(project: Project) -> None:
    with project.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_creating_over_an_existing_file_is_refused(project_path: Path) -> None:
    project_path.write_text("my thesis")
    with pytest.raises(ProjectFileError, match="already exists"):
        Project.create(project_path)
    assert project_path.read_text() == "my thesis"


def test_creating_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.create(tmp_path / "nowhere" / "study.cwb")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"Interviewer: hallo\n", "not a database file"),
        (b"SQLite", "not a database file"),
        (b"\x00" * 4096, "not a database file"),
        (b"%PDF-1.7\n" + b"x" * 200, "not a database file"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "truncated"),
    ],
)
def test_opening_a_file_that_is_not_a_project_is_refused_untouched(
        tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "notes.cwb"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match=reason):
        Project.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.cwb"]


def test_a_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "zotero.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()

    with pytest.raises(NotAProjectError, match="another program"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_project_of_a_newer_schema_is_refused_untouched(project_path: Path) -> None:
    Project.create(project_path).close()
    connection = sqlite3.connect(project_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = project_path.read_bytes()

    with pytest.raises(NewerSchemaError, match="newer Coding Workbench"):
        Project.open(project_path)
    assert project_path.read_bytes() == before


def test_missing_file_and_folder_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="no such project file"):
        Project.open(tmp_path / "gone.cwb")
    with pytest.raises(ProjectFileError, match="is a folder"):
        Project.open(tmp_path)


def test_full_text_index_follows_documents_added_renamed_and_deleted(project: Project) -> None:
    _case, document = add_case_with_document(project, "De keuken draait op vrijwilligers.")
    with project.reading() as session:
        assert [hit.document_id for hit in search_documents(session, "vrijwilligers")] == [document]

    rename_document(project, document, "Gesprek in de soepkeuken")
    with project.reading() as session:
        assert [hit.document for hit in search_documents(session, "soepkeuken")] == [
            "Gesprek in de soepkeuken"]

    delete_document(project, document)
    with project.reading() as session:
        assert search_documents(session, "vrijwilligers") == []
        assert session.get(Document, document) is None
