"""The window and its file: a copy of the file alone holds everything done in the window, and a
file replaced under the window is noticed on focus, with the window's work saved as a new file.

Issue 14, point 1 (the GUI side) and acceptance point 3.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from workbench.core.model import Case, Coding, Memo
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.codings import apply_code
from workbench.core.services.memos import create_memo
from workbench.core.storage import Project
from workbench.gui.context import AppContext


def _holds(path: Path) -> tuple[list[str], int, list[str]]:
    with Project.open(path, access="read") as project, project.reading() as session:
        return (list(session.scalars(select(Case.name).order_by(Case.id))),
                len(session.scalars(select(Coding.id)).all()),
                list(session.scalars(select(Memo.title))))


def test_a_copy_of_the_file_alone_taken_while_the_window_is_open_holds_all_five_actions(
        context: AppContext, coded_project_path: Path, tmp_path: Path) -> None:
    before_cases, before_codings, _memos = _holds(coded_project_path)
    project = context.project
    document = 1
    socialisation = code_id(project, "Socialisation")
    for action in (lambda p: create_case(p, "Buurthuis"),
                   lambda p: create_case(p, "Jeugdbeweging"),
                   lambda p: apply_code(p, document, socialisation, 0, 10, coder="Lotte"),
                   lambda p: apply_code(p, document, socialisation, 20, 30, coder="Lotte"),
                   lambda p: create_memo(p, "Eerste indruk", "De buurt doet mee.")):
        assert context.run(action) is not None

    copy = tmp_path / "copied-while-open.cwb"
    shutil.copyfile(coded_project_path, copy)  # the .cwb alone, as a user copies it

    cases, codings, memos = _holds(copy)
    assert cases == [*before_cases, "Buurthuis", "Jeugdbeweging"]
    assert codings == before_codings + 2
    assert "Eerste indruk" in memos


def test_a_file_replaced_under_the_window_is_noticed_on_focus_and_its_work_saved(
        context: AppContext, prompts: ScriptedPrompts, coded_project_path: Path,
        tmp_path: Path) -> None:
    assert context.run(lambda p: create_case(p, "Buurthuis")) is not None
    other = tmp_path / "sync" / "keuken.cwb"
    other.parent.mkdir()
    with create_project(other) as colleague:
        create_case(colleague, "Jeugdbeweging")
    os.replace(other, coded_project_path)  # a sync tool puts a colleague's copy in its place

    saved = tmp_path / "keuken-mijn-werk.cwb"
    prompts.answers = [True, str(saved)]  # yes, save what the window holds; here
    context.replaced_file._state_changed(Qt.ApplicationState.ApplicationActive)

    assert "was replaced by another file" in prompts.confirmations[0]
    assert context.project is not None and context.project.path == saved
    assert "Buurthuis" in _holds(saved)[0]
    assert _holds(coded_project_path)[0] == ["Jeugdbeweging"]


def test_an_action_on_a_replaced_file_is_refused_and_offers_the_copy(
        context: AppContext, prompts: ScriptedPrompts, coded_project_path: Path,
        tmp_path: Path) -> None:
    shutil.copyfile(coded_project_path, tmp_path / "old.cwb")
    os.replace(tmp_path / "old.cwb", coded_project_path)  # same content, another file
    prompts.answers = [False]  # do not save a copy now

    assert context.run(lambda p: create_case(p, "Buurthuis")) is None
    assert "your change was not made" in prompts.confirmations[0]
    assert context.project is not None and not context.writable
    assert "Buurthuis" not in _holds(coded_project_path)[0]


def test_trying_to_edit_a_replaced_file_again_offers_the_copy_first(
        context: AppContext, prompts: ScriptedPrompts, coded_project_path: Path,
        tmp_path: Path) -> None:
    shutil.copyfile(coded_project_path, tmp_path / "old.cwb")
    os.replace(tmp_path / "old.cwb", coded_project_path)
    prompts.answers = [False]
    assert not context.replaced_file.check()
    prompts.answers = [True, str(tmp_path / "saved.cwb")]

    assert not context.retry_writing()

    assert len(prompts.confirmations) == 2
    assert context.project is not None and context.project.path == tmp_path / "saved.cwb"
    assert context.writable
