"""The cases tree is filled without reading the documents' texts (issue 9: the window usable in
1.5 s on a project of 5 million words).

SQLite keeps a long text in a chain of overflow pages, and a column stored after the text is
reached only by walking that chain. Here the texts' overflow pages are overwritten with garbage:
any query that walks them fails, so the listing succeeds only if it never touches them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.core.errors import ProjectFileError
from workbench.core.model import Document
from workbench.core.queries.listing import document_sources, list_cases, list_documents
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.documents import add_document
from workbench.core.storage import Project
from workbench.core.storage.project_file import Access

PARAGRAPH = "We cooked together every Thursday, and the neighbours came to taste. " * 40


def spoil_texts(path: Path) -> int:
    """Overwrite the pages holding the tail of the documents' texts; returns how many."""
    with sqlite3.connect(path) as connection:
        try:
            pages = [page for (page,) in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'document' AND pagetype = 'overflow'")]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with path.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * page_size)
            file.write(b"\xff" * page_size)
    return len(pages)


def test_the_tree_lists_cases_and_documents_without_reading_a_text(tmp_path: Path) -> None:
    path = tmp_path / "long.cwb"
    with create_project(path) as project:
        kitchen = create_case(project, "Solidaire keuken").subject.id
        add_document(project, kitchen, "Interview Anna", PARAGRAPH * 10,
                     source_name="anna.docx")
        add_document(project, kitchen, "Fieldnotes", PARAGRAPH * 5, kind="fieldnote")
        with project.reading() as session:
            expected = [(row.title, row.kind, row.word_count, row.codings)
                        for row in list_documents(session)]
            assert document_sources(session) == {1: "anna.docx", 2: ""}
    assert spoil_texts(path) > 4  # both texts run over several pages

    project = Project.open(path, access=Access.READ)
    try:
        with project.reading() as session:
            assert [(case.name, case.documents) for case in list_cases(session)] == [
                ("Solidaire keuken", 2)]
            listed = [(row.title, row.kind, row.word_count, row.codings)
                      for row in list_documents(session)]
            assert listed == expected
            assert [row.word_count for row in list_documents(session, kitchen)] == [
                len(PARAGRAPH.split()) * 10, len(PARAGRAPH.split()) * 5]
        with pytest.raises((ProjectFileError, sqlite3.DatabaseError)):  # the texts are spoilt
            with project.reading() as session:
                session.get_one(Document, 1).text.encode()
    finally:
        project.close()
