"""A researcher organises the cases and their documents in the left-hand tree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from workbench.core.queries.listing import CaseRow, DocumentRow, list_cases, list_documents
from workbench.core.services.cases import create_case
from workbench.core.services.documents import add_document
from workbench.gui.context import AppContext
from workbench.gui.models.case_tree_model import (
    KIND,
    NAME,
    WORDS,
    CaseTreeModel,
    ObjectRole,
    SortRole,
)
from workbench.gui.panels.cases_panel import CasesPanel

KEUKEN = "Solidaire keuken"


@pytest.fixture
def panel(qtbot, context: AppContext) -> CasesPanel:
    widget = CasesPanel(context)
    qtbot.addWidget(widget)
    widget.resize(420, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cases(context: AppContext) -> list[CaseRow]:
    with context.reading() as session:
        return list_cases(session)


def documents(context: AppContext) -> list[DocumentRow]:
    with context.reading() as session:
        return list_documents(session)


def shown(panel: CasesPanel) -> dict[str, list[str]]:
    """What the tree shows: each case with the titles of its documents."""
    view = panel.proxy
    result = {}
    for row in range(view.rowCount()):
        case = view.index(row, NAME)
        result[case.data()] = [view.index(r, NAME, case).data() for r in range(view.rowCount(case))]
    return result


def click(qtbot, panel: CasesPanel, index: QModelIndex) -> None:
    rect = panel.tree.visualRect(panel.proxy.mapFromSource(index))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_case_tree_model_passes_the_model_tester(qtmodeltester, context: AppContext) -> None:
    context.run(create_case, "Jeugdhuis")
    model = CaseTreeModel(context)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    # The tester keeps watching while cases and documents change underneath.
    jeugdhuis = cases(context)[1].id
    context.run(
        add_document, jeugdhuis, "Veldnotitie", "Zondag in het jeugdhuis.", kind="fieldnote"
    )
    assert model.rowCount(model.case_index(jeugdhuis)) == 1


def test_the_tree_shows_cases_with_their_documents_kinds_and_word_counts(
        panel: CasesPanel, context: AppContext) -> None:
    model = panel.model
    case = model.case_index(cases(context)[0].id)
    document = model.index(0, NAME, case)
    assert case.data() == KEUKEN
    assert case.siblingAtColumn(KIND).data() == "1 document"
    assert document.data() == "Interview met Zoë"
    assert document.siblingAtColumn(KIND).data() == "Interview"
    words = documents(context)[0].word_count
    assert document.siblingAtColumn(WORDS).data() == f"{words:,}"
    assert document.siblingAtColumn(WORDS).data(SortRole) == words
    assert case.siblingAtColumn(WORDS).data(SortRole) == words
    assert isinstance(document.data(ObjectRole), DocumentRow)
    assert model.parent(document) == case.siblingAtColumn(NAME)
    assert panel.tree.isExpanded(panel.proxy.mapFromSource(case))


def test_a_document_tooltip_names_its_source_file_once_the_tree_is_shown(
        qtbot, panel: CasesPanel, context: AppContext) -> None:
    jeugdhuis = context.run(create_case, "Jeugdhuis").subject.id
    context.run(add_document, jeugdhuis, "Veldnotitie", "Zondag in het jeugdhuis.",
                kind="fieldnote", source_name="zondag.docx")
    model = panel.model
    typed, imported = (model.index(0, NAME, model.case_index(case.id))
                       for case in cases(context))
    # The source names are stored after the texts: read after the tree is painted.
    qtbot.waitUntil(lambda: "Imported from zondag.docx" in imported.data(
        Qt.ItemDataRole.ToolTipRole))
    assert imported.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "Veldnotitie", "Imported from zondag.docx", "0 codings"]
    assert typed.data(Qt.ItemDataRole.ToolTipRole).splitlines()[1] == "Typed or pasted text"


def test_a_researcher_adds_renames_and_deletes_a_case(
        panel: CasesPanel, context: AppContext, prompts: ScriptedPrompts) -> None:
    prompts.answers = ["Buurthuis De Schacht"]
    panel.new_case_action.trigger()
    assert [case.name for case in cases(context)] == [KEUKEN, "Buurthuis De Schacht"]
    assert panel.selected().name == "Buurthuis De Schacht"  # the new case is selected

    prompts.answers = ["Buurthuis De Schacht, Kolenberg"]
    panel.rename_action.trigger()
    assert cases(context)[1].name == "Buurthuis De Schacht, Kolenberg"
    assert "Buurthuis De Schacht, Kolenberg" in shown(panel)

    prompts.answers = [False]  # "Delete the case?" - no
    panel.delete_action.trigger()
    assert len(cases(context)) == 2
    prompts.answers = [True]
    panel.delete_action.trigger()
    assert prompts.confirmations[-1] == "Delete the case 'Buurthuis De Schacht, Kolenberg'?"
    assert [case.name for case in cases(context)] == [KEUKEN]
    assert list(shown(panel)) == [KEUKEN]
    context.undo_stack.undo()  # deleting a case is one undo step
    assert list(shown(panel)) == [KEUKEN, "Buurthuis De Schacht, Kolenberg"]


def test_deleting_a_case_with_documents_asks_with_their_number(
        panel: CasesPanel, context: AppContext, prompts: ScriptedPrompts) -> None:
    panel.select_case(cases(context)[0].id)
    prompts.answers = [False]
    panel.delete_action.trigger()
    assert "holds 1 document with 2 codings" in prompts.confirmations[-1]
    assert len(documents(context)) == 1 and prompts.errors == []

    prompts.answers = [True]
    panel.delete_action.trigger()
    assert cases(context) == [] and documents(context) == []
    assert shown(panel) == {}
    assert not panel.delete_action.isEnabled()


def test_a_researcher_renames_moves_and_deletes_a_document(
        panel: CasesPanel, context: AppContext, prompts: ScriptedPrompts) -> None:
    document = documents(context)[0]
    context.run(create_case, "Buurthuis De Schacht")
    panel.select_document(document.id)

    prompts.answers = ["Interview met Zoë (kok)"]
    panel.rename_action.trigger()
    assert documents(context)[0].title == "Interview met Zoë (kok)"

    [move] = panel.move_menu.actions()  # the other cases, to pick from
    assert move.text() == "Buurthuis De Schacht"
    move.trigger()
    assert shown(panel) == {KEUKEN: [], "Buurthuis De Schacht": ["Interview met Zoë (kok)"]}
    assert panel.selected().id == document.id  # the moved document stays selected

    prompts.answers = [True]
    panel.delete_action.trigger()
    assert prompts.confirmations[-1] == (
        "Delete the document 'Interview met Zoë (kok)' with its 2 codings and its memos?")
    assert documents(context) == []


def test_clicking_a_document_opens_it_and_selecting_a_case_announces_it(
        qtbot, panel: CasesPanel, context: AppContext) -> None:
    document, case = documents(context)[0], cases(context)[0]
    with qtbot.waitSignal(panel.caseSelected) as selected:
        click(qtbot, panel, panel.model.case_index(case.id))
    assert selected.args == [case.id]
    with qtbot.waitSignal(context.documentRequested) as requested:
        click(qtbot, panel, panel.model.document_index(document.id))
    assert requested.args == [document.id, -1, -1]
    with qtbot.waitSignal(context.documentRequested) as requested:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert requested.args[0] == document.id


def test_the_filter_keeps_matching_documents_with_their_case(
        qtbot, panel: CasesPanel, context: AppContext) -> None:
    other = context.run(create_case, "Jeugdhuis").subject.id
    context.run(add_document, other, "Veldnotitie zondag", INTERVIEW.replace("Zoë", "Amine"))
    qtbot.keyClicks(panel.filter_edit, "zondag")
    assert shown(panel) == {"Jeugdhuis": ["Veldnotitie zondag"]}
    panel.filter_edit.clear()
    assert shown(panel) == {KEUKEN: ["Interview met Zoë"], "Jeugdhuis": ["Veldnotitie zondag"]}


def test_a_large_project_opens_with_its_cases_folded(qtbot, context: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbench.gui.panels.cases_panel.EXPAND_UP_TO", 0)
    path = context.project.path
    context.close_project()
    panel = CasesPanel(context)
    qtbot.addWidget(panel)
    context.open_project(path)
    [case] = panel.model.cases()
    assert not panel.tree.isExpanded(panel.proxy.mapFromSource(panel.model.case_index(case.id)))
