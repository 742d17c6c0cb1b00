"""A researcher works on the codebook: builds it, edits it, reorganises it and codes with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import INTERVIEW
from tests.helpers import code_id
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_documents
from workbench.core.services.codes import update_code
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.models.code_tree_model import (
    CODINGS,
    NAME,
    CodeTreeModel,
    ObjectRole,
    SortRole,
    passage_mime,
)
from workbench.gui.panels.codebook_panel import CodebookPanel, in_vivo_name

PEDAGOGY = "Pedagogy of solidarity (pedagogie van solidariteit)"


@pytest.fixture
def panel(qtbot, context: AppContext) -> CodebookPanel:
    widget = CodebookPanel(context)
    qtbot.addWidget(widget)
    widget.resize(480, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cid(context: AppContext, name: str) -> int:
    return code_id(context.project, name)


def codings_shown(panel: CodebookPanel, code: int) -> str:
    return panel.model.index_of(code, CODINGS).data()


def document_id(context: AppContext) -> int:
    with context.reading() as session:
        return list_documents(session)[0].id


def select_passage(context: AppContext, words: str) -> TextSelection:
    start = INTERVIEW.index(words)
    selection = TextSelection(document_id(context), start, start + len(words))
    context.set_selection(selection)
    return selection


def names_under(panel: CodebookPanel, parent: int | None) -> list[str]:
    model = panel.model
    parent_index = model.index_of(parent) if parent is not None else QModelIndex()
    return [
        model.index(row, NAME, parent_index).data() for row in range(model.rowCount(parent_index))
    ]


def test_the_code_tree_model_passes_the_model_tester(qtmodeltester,
                                                    context: AppContext) -> None:
    model = CodeTreeModel(context)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.rowCount(model.index_of(cid(context, PEDAGOGY))) == 4
    # The tester keeps watching while the codebook changes underneath.
    mime = model.mimeData([model.index_of(cid(context, "Shared struggle"))])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, NAME, QModelIndex())
    assert model.index(0, NAME).data() == "Shared struggle (gezamenlijke strijd)"


def test_the_tree_shows_the_codebook_with_counts_swatches_and_definitions(
        panel: CodebookPanel, context: AppContext) -> None:
    model = panel.model
    socialisation, pedagogy = cid(context, "Socialisation"), cid(context, PEDAGOGY)
    assert all(panel.tree.isExpanded(panel._view_index(theme)) for theme in model.code_ids()
               if model.code(theme).depth == 0)
    assert codings_shown(panel, socialisation) == "1"
    assert codings_shown(panel, pedagogy) == "0 (1)"
    assert model.index_of(pedagogy, CODINGS).data(SortRole) == 1
    assert model.index_of(socialisation, CODINGS).data(Qt.ItemDataRole.TextAlignmentRole) \
        & Qt.AlignmentFlag.AlignRight
    assert isinstance(model.index_of(socialisation).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index_of(socialisation).data(ObjectRole).name == "Socialisation (socialisatie)"
    tooltip = model.index_of(socialisation).data(Qt.ItemDataRole.ToolTipRole)
    assert "Pedagogy of solidarity (pedagogie van solidariteit) › Socialisation" in tooltip
    assert "When not to use:" in tooltip and "Definition:" in tooltip


def test_a_researcher_adds_a_code_and_a_sub_code(panel: CodebookPanel, context: AppContext,
                                                 prompts) -> None:
    prompts.answers = ["Belonging"]
    panel.new_code_action.trigger()
    belonging = cid(context, "Belonging")
    assert names_under(panel, None)[-1] == "Belonging"
    assert panel.selected_code_ids() == [belonging]

    prompts.answers = ["Feeling at home"]
    assert panel.new_subcode_action.isEnabled()
    panel.new_subcode_action.trigger()
    assert names_under(panel, belonging) == ["Feeling at home"]
    assert panel.tree.isExpanded(panel._view_index(belonging))
    assert panel.selected_code_ids() == [cid(context, "Feeling at home")]

    prompts.answers = [None]  # the researcher cancels the name question
    panel.new_code_action.trigger()
    assert names_under(panel, None)[-1] == "Belonging"


def test_a_researcher_edits_the_definition_colour_and_name(panel: CodebookPanel, qtbot,
                                                          context: AppContext) -> None:
    recognition = cid(context, "Recognition")
    panel.select_code(recognition)
    panel.edit_action.trigger()
    editor = panel.editor
    assert editor is not None and editor.isVisible()
    assert editor.name_edit.text() == "Recognition (erkenning)"
    editor.name_edit.setText("Recognition (erkenning) of newcomers")
    editor.definition_edit.clear()
    qtbot.keyClicks(editor.definition_edit, "Being seen as a full member.")
    editor.colour_button.palette_actions[4].trigger()
    editor.codable_check.setChecked(False)
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)

    assert not editor.isVisible()
    index = panel.model.index_of(recognition)
    assert index.data() == "Recognition (erkenning) of newcomers"
    assert panel.model.code(recognition).colour == "#B39DDB"
    assert "Being seen as a full member." in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.FontRole).italic()  # now it only groups
    assert panel.selected_code_ids() == [recognition]


def test_a_refused_edit_keeps_the_editor_open(panel: CodebookPanel, context: AppContext,
                                              prompts) -> None:
    panel.select_code(cid(context, "Socialisation"))
    editor = panel.edit_code()
    editor.codable_check.setChecked(False)  # it has a coding: it cannot become grouping-only
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.isVisible()
    assert "cannot become a grouping-only code" in prompts.errors[-1]
    editor.reject()


def test_a_researcher_moves_codes_by_drag_and_drop(
    panel: CodebookPanel, context: AppContext
) -> None:
    model = panel.model
    struggle, citizenship = cid(context, "Shared struggle"), cid(context, "Citizenship as practice")
    mime = model.mimeData([model.index_of(struggle), model.index_of(struggle, CODINGS)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, NAME, model.index_of(citizenship))
    assert model.code(struggle).parent_id == citizenship
    assert names_under(panel, citizenship)[-1] == "Shared struggle (gezamenlijke strijd)"

    # Between two top-level themes: it becomes the second theme.
    mime = model.mimeData([model.index_of(struggle)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, NAME, QModelIndex())
    assert names_under(panel, None)[1] == "Shared struggle (gezamenlijke strijd)"

    # A theme cannot go under one of its own sub-codes.
    pedagogy = model.mimeData([model.index_of(cid(context, PEDAGOGY))])
    inside = model.index_of(cid(context, "Socialisation"))
    assert not model.canDropMimeData(pedagogy, Qt.DropAction.MoveAction, -1, NAME, inside)
    assert not model.dropMimeData(pedagogy, Qt.DropAction.MoveAction, -1, NAME, inside)


def test_a_researcher_merges_one_code_into_another(panel: CodebookPanel, qtbot,
                                                   context: AppContext, prompts) -> None:
    safe, stage = cid(context, "Safe and informal spaces"), cid(context, "Creating a stage")
    panel.select_code(safe)
    panel.merge_action.trigger()
    dialog = panel.merge_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.filter_edit, "creeren")  # accents need not be typed
    assert dialog.target_id() == stage
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)

    assert "1 coding move to “Creating a stage (een podium creëren)”" in prompts.confirmations[-1]
    assert panel.model.code(safe) is None
    assert codings_shown(panel, stage) == "1"


def test_deleting_a_theme_says_what_goes_with_it(panel: CodebookPanel, context: AppContext,
                                                prompts) -> None:
    pedagogy = cid(context, PEDAGOGY)
    panel.select_code(pedagogy)
    prompts.answers = [False]  # first the researcher thinks better of it
    panel.delete_action.trigger()
    assert prompts.confirmations[-1].startswith(
        "Delete the code “Pedagogy of solidarity (pedagogie van solidariteit)” with its "
        "4 sub-codes and 1 coding?")
    assert panel.model.code(pedagogy) is not None

    panel.delete_action.trigger()
    assert panel.model.code(pedagogy) is None
    assert PEDAGOGY not in names_under(panel, None)
    with context.reading() as session:
        assert [row.code for row in list_codings(session)] == [
            "Citizenship as practice (burgerschap als praktijk)/Safe and informal spaces "
            "(veilige en informele ruimtes)"]


def test_double_click_codes_the_selected_passage(panel: CodebookPanel, qtbot,
                                                 context: AppContext) -> None:
    qualification = cid(context, "Qualification")
    select_passage(context, "De buren brachten groenten.")
    assert codings_shown(panel, qualification) == "0"
    index = panel._view_index(qualification)
    centre = panel.tree.visualRect(index).center()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    assert codings_shown(panel, qualification) == "1"
    assert codings_shown(panel, cid(context, PEDAGOGY)) == "0 (2)"
    assert context.recent_codes[0] == qualification
    assert panel.selected_code_ids() == [qualification]


def test_enter_on_a_code_codes_the_selected_passage(panel: CodebookPanel, qtbot,
                                                    context: AppContext) -> None:
    interdependence = cid(context, "Interdependence")
    select_passage(context, "Niemand vroeg naar papieren.")
    panel.select_code(interdependence)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    assert panel.apply_action.isEnabled()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert codings_shown(panel, interdependence) == "1"


def test_dropping_a_passage_on_a_code_codes_it(panel: CodebookPanel, context: AppContext) -> None:
    model = panel.model
    recognition = cid(context, "Recognition")
    start = INTERVIEW.index("Zo werd het ook hun keuken")
    payload = passage_mime(document_id(context), start, start + len("Zo werd het ook hun keuken"))
    target = model.index_of(recognition)
    assert not model.canDropMimeData(payload, Qt.DropAction.CopyAction, 0, NAME, target)
    assert model.dropMimeData(payload, Qt.DropAction.CopyAction, -1, NAME, target)

    assert codings_shown(panel, recognition) == "1"
    with context.reading() as session:
        coded = list_codings(session, code_ids=[recognition])
    assert [(row.text, row.coder) for row in coded] == [("Zo werd het ook hun keuken", "Lotte")]


def test_undo_takes_back_codebook_edits_and_the_tree_follows(panel: CodebookPanel,
                                                             context: AppContext) -> None:
    socialisation, pedagogy = cid(context, "Socialisation"), cid(context, PEDAGOGY)
    panel.select_code(socialisation)
    need = cid(context, "Need for transformation")
    panel.tree.collapse(panel._view_index(need))
    panel.delete_action.trigger()
    assert panel.model.code(socialisation) is None
    assert codings_shown(panel, pedagogy) == "0 (0)"

    context.undo_stack.undo()
    assert panel.model.code(socialisation) is not None
    assert codings_shown(panel, socialisation) == "1"
    assert codings_shown(panel, pedagogy) == "0 (1)"
    assert not panel.tree.isExpanded(panel._view_index(need))  # the researcher's layout stays
    assert panel.tree.isExpanded(panel._view_index(pedagogy))

    context.undo_stack.redo()
    assert panel.model.code(socialisation) is None


def test_code_in_vivo_names_a_code_after_the_text_and_codes_it(
        panel: CodebookPanel, context: AppContext) -> None:
    socialisation = cid(context, "Socialisation")
    select_passage(context, "Zo werd het ook hun keuken")
    panel.select_code(socialisation)
    panel.in_vivo_action.trigger()

    assert names_under(panel, socialisation) == ["Zo werd het ook hun keuken"]
    new = cid(context, "Zo werd het ook hun keuken")
    assert codings_shown(panel, new) == "1"
    assert codings_shown(panel, socialisation) == "1 (2)"
    # Two undo steps: the coding, then the code.
    context.undo_stack.undo()
    assert codings_shown(panel, new) == "0"
    context.undo_stack.undo()
    assert panel.model.code(new) is None


def test_in_vivo_names_are_shortened_at_a_word() -> None:
    long = ("De buren brachten groenten. Zo werd het ook hun keuken, een plek waar je gewoon "
            "mag zijn.")
    name = in_vivo_name(long)
    assert len(name) <= 60 and name.endswith("…")
    assert name == "De buren brachten groenten. Zo werd het ook hun keuken, een…"
    assert in_vivo_name('  "Niemand vroeg\nnaar papieren."  ') == "Niemand vroeg naar papieren."


def test_selecting_codes_shows_their_passages_elsewhere(panel: CodebookPanel, qtbot,
                                                        context: AppContext) -> None:
    socialisation, safe = cid(context, "Socialisation"), cid(context, "Safe and informal spaces")
    with qtbot.waitSignal(context.codesSelected) as signal:
        panel.select_code(socialisation)
    assert signal.args == [[socialisation]]
    index = panel._view_index(safe)
    with qtbot.waitSignal(context.codesSelected) as signal:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, panel.tree.visualRect(index).center())
    assert signal.args == [[socialisation, safe]]


def test_the_filter_keeps_the_ancestors_of_matches(panel: CodebookPanel, qtbot,
                                                   context: AppContext) -> None:
    proxy = panel.proxy
    qtbot.keyClicks(panel.filter_edit, "sociali")
    assert proxy.rowCount() == 1
    theme = proxy.index(0, NAME)
    assert theme.data() == PEDAGOGY
    assert [proxy.index(r, NAME, theme).data() for r in range(proxy.rowCount(theme))] == [
        "Socialisation (socialisatie)"]
    panel.filter_edit.clear()
    assert proxy.rowCount() == 4


def test_actions_follow_what_is_selected(panel: CodebookPanel, context: AppContext) -> None:
    assert not panel.delete_action.isEnabled() and not panel.in_vivo_action.isEnabled()
    panel.select_code(cid(context, "Socialisation"))
    assert panel.delete_action.isEnabled() and not panel.apply_action.isEnabled()
    select_passage(context, "Niemand vroeg")
    assert panel.apply_action.isEnabled() and panel.in_vivo_action.isEnabled()
    context.run(update_code, cid(context, PEDAGOGY), codable=False)
    panel.select_code(cid(context, PEDAGOGY))
    assert not panel.apply_action.isEnabled()  # a grouping-only theme is not applied
    titles = [action.text() for action in panel.context_menu().actions() if action.text()]
    assert titles[:2] == ["Code selection", "New code…"]
    assert "Merge into…" in titles and "Delete…" in titles


def test_a_grouping_only_theme_is_shown_in_italics(
    panel: CodebookPanel, context: AppContext
) -> None:
    citizenship = cid(context, "Citizenship as practice")
    font = panel.model.index_of(citizenship).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and not font.italic()
    context.run(update_code, citizenship, codable=False, colour="#336699")
    font = panel.model.index_of(citizenship).data(Qt.ItemDataRole.FontRole)
    assert font.italic()
    assert panel.model.code(citizenship).colour == QColor("#336699").name().upper()
