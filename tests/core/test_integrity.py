"""A damaged project is diagnosed, and what is safe to fix is fixed in one step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.helpers import add_case_with_document, code_id
from workbench.core.integrity import check_project, repair_project
from workbench.core.queries.codings import list_codings
from workbench.core.queries.search import search_documents
from workbench.core.services.codings import apply_code
from workbench.core.services.history import undo_label
from workbench.core.storage import Project
from workbench.core.storage.project_file import Access

TEXT = "Interviewer: Wat deden jullie samen?\n\nAmal: We bouwden de keuken, steen voor steen."


def _damage(path: Path, document: int, theme: int, sub: int) -> None:
    """What a crash in another tool, or a hand edit, might leave behind."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute('UPDATE coding SET "end" = 999 WHERE id = 1')  # sticks out of the text
    connection.execute('INSERT INTO coding (uuid, document_id, code_id, coder_id, start, "end", '
                       "memo, created_at) VALUES ('x-1', 77, 1, 1, 0, 5, '', '2026-01-01')")
    connection.execute("UPDATE code SET parent_id = ? WHERE id = ?", (sub, theme))  # a loop
    connection.execute("INSERT INTO document_fts(document_fts, rowid, title, text) "
                       "SELECT 'delete', id, title, text FROM document WHERE id = ?", (document,))
    connection.execute("UPDATE document_layout SET word_count = 3")  # boundaries out of step
    connection.commit()
    connection.close()


def test_a_sound_project_reports_nothing(solidarity_project: Project) -> None:
    add_case_with_document(solidarity_project, TEXT)
    assert check_project(solidarity_project).clean


def test_damage_is_found_and_repaired(solidarity_project: Project, project_path: Path) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    keuken = TEXT.index("We bouwden")
    apply_code(solidarity_project, document, code_id(solidarity_project, "Interdependence"),
               keuken, keuken + 10, coder="Amal")
    theme = code_id(solidarity_project, "Sources of solidarity")
    sub = code_id(solidarity_project, "Sources of solidarity/Interdependence")
    solidarity_project.close()
    _damage(project_path, document, theme, sub)

    with Project.open(project_path) as project:
        found = check_project(project)
        assert sorted(problem.kind for problem in found.problems) == [
            "code tree", "coding outside its document", "document layout", "full-text index",
            "orphan"]

        report = repair_project(project)

        assert report.clean, report.problems
        assert len(report.repaired) == 5
        with project.reading() as session:
            [coding] = list_codings(session)
            assert (coding.start, coding.end) == (keuken, len(TEXT))  # trimmed, not lost
            assert [hit.document_id for hit in search_documents(session, "keuken")] == [document]
        assert undo_label(project) == "Repair project"  # one step in the project's history


def test_a_document_without_its_layout_is_found_and_laid_out_again(
        solidarity_project: Project, project_path: Path) -> None:
    add_case_with_document(solidarity_project, TEXT)
    solidarity_project.close()
    connection = sqlite3.connect(project_path)
    connection.execute("DELETE FROM document_layout")
    connection.commit()
    connection.close()

    with Project.open(project_path) as project:
        [problem] = check_project(project).problems
        assert "has no stored word boundaries" in problem.message
        report = repair_project(project)
        assert report.clean
        assert report.repaired == ["Computed the word boundaries of 1 document(s) again."]


def test_a_project_open_elsewhere_is_checked_read_only_search_index_included(
        solidarity_project: Project, project_path: Path) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    solidarity_project.close()
    with Project.open(project_path) as writer:  # another window has it open for writing
        with Project.open(project_path, access=Access.READ) as reader:
            assert check_project(reader).clean
        with writer.engine.begin() as connection:  # the index loses the document
            connection.exec_driver_sql(
                "INSERT INTO document_fts(document_fts, rowid, title, text) "
                "SELECT 'delete', id, title, text FROM document WHERE id = ?", (document,))
        with Project.open(project_path, access=Access.READ) as reader:
            assert [p.kind for p in check_project(reader).problems] == ["full-text index"]
