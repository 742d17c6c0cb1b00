"""A researcher writes memos on the project, a case, a document and a code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from workbench.core.queries.listing import list_cases, list_documents
from workbench.core.queries.memos import list_memos
from workbench.gui.context import AppContext
from workbench.gui.panels.cases_panel import CasesPanel
from workbench.gui.panels.memo_panel import AUTHOR, TITLE, MemoPanel


@pytest.fixture
def panels(qtbot, context: AppContext) -> tuple[CasesPanel, MemoPanel]:
    cases, memos = CasesPanel(context), MemoPanel(context)
    cases.targetSelected.connect(memos.show_target)  # as the main window wires them
    for widget in (cases, memos):
        qtbot.addWidget(widget)
        widget.resize(420, 520)
        widget.show()
        qtbot.waitExposed(widget)
    return cases, memos


def case_id(context: AppContext) -> int:
    with context.reading() as session:
        return list_cases(session)[0].id


def listed(panel: MemoPanel) -> list[tuple[str, str]]:
    items = [panel.memo_list.topLevelItem(i) for i in range(panel.memo_list.topLevelItemCount())]
    return [(item.text(TITLE), item.text(AUTHOR)) for item in items]


def write_memo(qtbot, panel: MemoPanel, prompts: ScriptedPrompts, title: str, text: str) -> None:
    prompts.answers = [title]
    panel.new_memo_action.trigger()
    qtbot.keyClicks(panel.text_edit, text)
    panel.save_action.trigger()


def test_a_memo_on_the_case_is_there_after_reopening_the_project(
        qtbot, panels: tuple[CasesPanel, MemoPanel], context: AppContext,
        prompts: ScriptedPrompts, coded_project_path: Path) -> None:
    cases, panel = panels
    assert panel.target_label.text() == "Memos on the project 'keuken'"
    cases.select_case(case_id(context))
    assert panel.target == ("case", case_id(context))
    assert panel.target_label.text() == "Memos on case 'Solidaire keuken'"
    write_memo(
        qtbot, panel, prompts, "Eerste indruk", "Koken als gedeeld project: interdependentie."
    )
    assert listed(panel) == [("Eerste indruk", "Lotte")]
    assert not panel.save_action.isEnabled()

    context.close_project()
    assert listed(panel) == [] and not panel.new_memo_action.isEnabled()
    assert context.open_project(coded_project_path)
    cases.select_case(case_id(context))
    assert listed(panel) == [("Eerste indruk", "Lotte")]
    panel.select_memo(panel.memos[0].id)
    assert panel.title_edit.text() == "Eerste indruk"
    assert panel.text_edit.toPlainText() == "Koken als gedeeld project: interdependentie."


def test_memos_follow_the_selection_and_unsaved_text_is_kept(
        qtbot, panels: tuple[CasesPanel, MemoPanel], context: AppContext,
        prompts: ScriptedPrompts) -> None:
    cases, panel = panels
    with context.reading() as session:
        document = list_documents(session)[0].id
    write_memo(qtbot, panel, prompts, "Vragen voor het team", "Wie codeert de veldnotities?")
    cases.select_document(document)
    assert panel.target == ("document", document) and listed(panel) == []
    prompts.answers = ["Over Zoë"]
    panel.new_memo_action.trigger()
    qtbot.keyClicks(panel.text_edit, "Niet gesaved")
    context.codesSelected.emit([code_id(context.project, "Socialisation")])  # the codebook follows
    assert panel.target_label.text().startswith("Memos on code 'Socialisation")
    with context.reading() as session:
        [memo] = list_memos(session, "document", document)
        assert memo.text == "Niet gesaved"  # saved on the way out, not lost
        assert [m.title for m in list_memos(session, "project")] == ["Vragen voor het team"]


def test_a_memo_is_renamed_and_deleted(
        qtbot, panels: tuple[CasesPanel, MemoPanel], context: AppContext,
        prompts: ScriptedPrompts) -> None:
    cases, panel = panels
    cases.select_case(case_id(context))
    write_memo(qtbot, panel, prompts, "Concept", "Drempels: wie komt er niet?")
    panel.title_edit.clear()
    qtbot.keyClicks(panel.title_edit, "Drempels")
    assert panel.save_action.isEnabled()
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert listed(panel) == [("Drempels", "Lotte")]

    panel.title_edit.clear()  # a memo needs a title: refused, the text stays unsaved
    panel.save_action.trigger()
    assert prompts.errors == ["A memo needs a title."] and panel.save_action.isEnabled()

    prompts.answers = [False]
    panel.delete_action.trigger()
    assert listed(panel) == [("Drempels", "Lotte")]
    prompts.answers = [True]
    panel.delete_action.trigger()
    assert prompts.confirmations[-1] == "Delete the memo 'Drempels'?"
    assert listed(panel) == [] and not panel.text_edit.isEnabled()


def test_when_the_case_goes_its_memos_go_and_the_panel_shows_the_project(
        qtbot, panels: tuple[CasesPanel, MemoPanel], context: AppContext,
        prompts: ScriptedPrompts) -> None:
    cases, panel = panels
    cases.select_case(case_id(context))
    write_memo(qtbot, panel, prompts, "Over de keuken", "Een plek waar je gewoon mag zijn.")
    prompts.answers = [True]
    cases.delete_action.trigger()
    assert panel.target == ("project", None) and listed(panel) == []
    context.undo_stack.undo()  # the case comes back with its memo
    cases.select_case(case_id(context))
    assert listed(panel) == [("Over de keuken", "Lotte")]
