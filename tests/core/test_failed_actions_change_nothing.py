"""An action that fails leaves every table of the project exactly as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    add_case_with_document,
    case_id,
    code_id,
    copy_of_prepared,
    document_id,
    table_contents,
)
from workbench.core.errors import DomainError
from workbench.core.services.cases import create_case, define_attribute, delete_case
from workbench.core.services.codebook import load_builtin_codebook
from workbench.core.services.codes import create_code, merge_codes, move_code
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

Action = Callable[[Project, dict[str, int]], object]

FAILING_ACTIONS: dict[str, Action] = {
    "coding outside the document": lambda p, ids: apply_code(
        p, ids["document"], ids["code"], 5, 10_000, coder="Nieuwe coder"),
    "empty coding": lambda p, ids: apply_code(p, ids["document"], ids["code"], 7, 7, coder="Lotte"),
    "coding with an unknown code": lambda p, ids: apply_code(
        p, ids["document"], 10_000, 0, 4, coder="Nieuwe coder"),
    "duplicate sibling code": lambda p, ids: create_code(
        p, "shared struggle (GEZAMENLIJKE STRIJD)", parent_id=ids["theme"]),
    "case with a bad attribute": lambda p, ids: create_case(
        p, "Nieuwe case", attributes={"members": "veel"}),
    "duplicate case": lambda p, ids: create_case(p, "basisschool de linde"),
    "same document twice": lambda p, ids: add_document(
        p, ids["case"], "Nog eens", "Interviewer: Goeiemorgen.\r\n\r\nMarleen: Dag!"),
    "code moved under its own sub-code": lambda p, ids: move_code(p, ids["theme"], ids["code"]),
    "merge into a sub-code": lambda p, ids: merge_codes(p, ids["theme"], ids["code"]),
    "deleting a case that holds documents": lambda p, ids: delete_case(p, ids["case"]),
    "codebook loaded twice": lambda p, ids: load_builtin_codebook(p, "solidarity"),
    "memo on a missing document": lambda p, ids: create_memo(
        p, "Memo", "tekst", author="Nieuwe coder", target=MemoTarget("document", 10_000)),
}


def _fill(project: Project) -> None:
    define_attribute(project, "members", "number")
    _case, document = add_case_with_document(project, "Interviewer: Goeiemorgen.\n\nMarleen: Dag!")
    apply_code(project, document, code_id(project, "Sources of solidarity/Shared struggle"), 0, 11,
               coder="Lotte")


@pytest.fixture
def filled(project_path: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, dict[str, int]]]:
    """The solidarity project with an attribute, a case, a document and a coding: a copy of one
    built once per test process."""
    copy_of_prepared(tmp_path_factory, "failing-actions", _fill, project_path)
    with Project.open(project_path) as project:
        yield project, {
            "case": case_id(project, "Basisschool De Linde"),
            "document": document_id(project, "Interview met de directeur"),
            "theme": code_id(project, "Sources of solidarity"),
            "code": code_id(project, "Sources of solidarity/Shared struggle")}


@pytest.mark.parametrize("action", FAILING_ACTIONS.values(), ids=FAILING_ACTIONS.keys())
def test_a_failing_action_leaves_every_table_unchanged(
        filled: tuple[Project, dict[str, int]], project_path: Path, action: Action) -> None:
    project, ids = filled
    before = table_contents(project_path)

    with pytest.raises(DomainError) as raised:
        action(project, ids)

    assert "\n" not in str(raised.value)
    assert table_contents(project_path) == before


def test_the_snapshot_does_see_a_successful_action(
        filled: tuple[Project, dict[str, int]], project_path: Path) -> None:
    project, ids = filled
    before = table_contents(project_path)
    apply_code(project, ids["document"], ids["code"], 12, 20, coder="Youssef")
    after = table_contents(project_path)
    assert len(after["coding"]) == len(before["coding"]) + 1
    assert len(after["coder"]) == len(before["coder"]) + 1
