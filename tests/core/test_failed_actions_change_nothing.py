"""An action that fails leaves every table of the project exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import add_case_with_document, code_id, table_contents
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


@pytest.fixture
def filled(solidarity_project: Project) -> tuple[Project, dict[str, int]]:
    define_attribute(solidarity_project, "members", "number")
    case, document = add_case_with_document(
        solidarity_project, "Interviewer: Goeiemorgen.\n\nMarleen: Dag!")
    ids = {"case": case, "document": document,
           "theme": code_id(solidarity_project, "Sources of solidarity"),
           "code": code_id(solidarity_project, "Sources of solidarity/Shared struggle")}
    apply_code(solidarity_project, document, ids["code"], 0, 11, coder="Lotte")
    return solidarity_project, ids


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
