"""Every action can be undone and redone, restoring every table exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import NOT_CONTENT, add_case_with_document, code_id, table_contents
from workbench.core.errors import DomainError
from workbench.core.queries.search import search_documents
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case, delete_case, set_case_attribute
from workbench.core.services.codes import (
    create_code,
    delete_code,
    merge_codes,
    move_code,
    update_code,
)
from workbench.core.services.codings import apply_code, remove_coding, set_coding_range
from workbench.core.services.documents import add_document, delete_document, rename_document
from workbench.core.services.history import redo, redo_label, undo, undo_label
from workbench.core.storage import Project

TEXT = "Interviewer: En toen? 🙂\n\nZoë: Toen hebben we samen de keuken opgebouwd, élke steen."

Action = Callable[[Project, dict[str, int]], object]

ACTIONS: dict[str, Action] = {
    "code a passage": lambda p, ids: apply_code(
        p, ids["document"], ids["code"], 40, 60, coder="Amal"
    ),
    "code a passage that joins another": lambda p, ids: apply_code(
        p, ids["document"], ids["code"], 20, 45, coder="Lotte"
    ),
    "remove a coding": lambda p, ids: remove_coding(p, ids["coding"]),
    "resize a coding": lambda p, ids: set_coding_range(p, ids["coding"], 30, 70),
    "create a code": lambda p, ids: create_code(
        p, "Nieuwe code", parent_id=ids["theme"], position=0
    ),
    "edit a definition": lambda p, ids: update_code(
        p, ids["code"], definition="Anders.", colour="#123456"
    ),
    "move a code": lambda p, ids: move_code(p, ids["code"], None, position=0),
    "merge two codes": lambda p, ids: merge_codes(p, ids["code"], ids["other"]),
    "delete a theme with its codings": lambda p, ids: delete_code(p, ids["theme"]),
    "set an attribute": lambda p, ids: set_case_attribute(p, ids["case"], "members", 12),
    "rename a document": lambda p, ids: rename_document(p, ids["document"], "Nieuwe titel"),
    "delete a document with codings": lambda p, ids: delete_document(p, ids["document"]),
    "delete a case with its documents": lambda p, ids: delete_case(
        p, ids["case"], with_documents=True
    ),
    "add a transcript with speaker turns": lambda p, ids: add_document(
        p, ids["case"], "Groepsgesprek", "I: Wie kookt er?\n\nR1: Ik.\n\nR2: Wij allemaal.\n"
    ),
    "code many passages": lambda p, ids: apply_codings(
        p,
        [
            CodingSpec(ids["document"], ids["other"], 10, 20, "Bram"),
            CodingSpec(ids["document"], ids["code"], 28, 50, "Lotte"),
        ],
    ),
}


@pytest.fixture
def filled(solidarity_project: Project) -> tuple[Project, dict[str, int]]:
    case, document = add_case_with_document(solidarity_project, TEXT)
    set_case_attribute(solidarity_project, case, "members", 40)
    ids = {"case": case, "document": document,
           "theme": code_id(solidarity_project, "Sources of solidarity"),
           "code": code_id(solidarity_project, "Shared struggle"),
           "other": code_id(solidarity_project, "Interdependence")}
    ids["coding"] = apply_code(solidarity_project, document, ids["code"], 28, 58,
                               coder="Lotte").subject.id
    return solidarity_project, ids


def _content(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, less the logs themselves and the full-text index's internal segments
    (which merge differently after an undo; its content is checked by searching below)."""
    return {table: rows for table, rows in table_contents(path).items()
            if table not in NOT_CONTENT
            and not table.startswith("document_fts")}


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
def test_undo_restores_and_redo_repeats_every_table(
        filled: tuple[Project, dict[str, int]], project_path: Path, action: Action) -> None:
    project, ids = filled
    before = _content(project_path)
    action(project, ids)
    after = _content(project_path)
    assert after != before

    undone = undo(project)
    assert _content(project_path) == before
    assert undone.message.startswith("Undid: ")

    redo(project)
    assert _content(project_path) == after
    undo(project)
    assert _content(project_path) == before


def test_undo_goes_back_step_by_step_and_a_new_action_forgets_redo(
        filled: tuple[Project, dict[str, int]]) -> None:
    project, ids = filled
    create_case(project, "Buurthuis")
    rename_document(project, ids["document"], "Gesprek met Zoë")
    assert undo_label(project) == "Rename document"

    undo(project)
    assert (undo_label(project), redo_label(project)) == ("Create case", "Rename document")
    create_code(project, "Ad hoc")
    assert redo_label(project) is None
    with pytest.raises(DomainError, match="nothing to redo"):
        redo(project)


def test_the_full_text_index_follows_undo(filled: tuple[Project, dict[str, int]]) -> None:
    project, ids = filled
    delete_document(project, ids["document"])
    with project.reading() as session:
        assert search_documents(session, "keuken") == []
    changes = undo(project)
    with project.reading() as session:
        assert [hit.document_id for hit in search_documents(session, "keuken")] == [ids["document"]]
    assert {"document", "coding"} <= changes.kinds


def test_a_failed_action_leaves_no_undo_step(filled: tuple[Project, dict[str, int]]) -> None:
    project, ids = filled
    label = undo_label(project)
    with pytest.raises(DomainError):
        apply_code(project, ids["document"], ids["code"], 0, 9999, coder="Lotte")
    assert undo_label(project) == label
