"""A researcher retrieves what was coded with some codes, filters it and goes to a passage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from tests.gui.conftest import INTERVIEW, settle
from tests.helpers import code_id
from workbench.core.queries.listing import list_documents
from workbench.core.queries.passages import list_passages
from workbench.core.services.cases import create_case
from workbench.core.services.codings import apply_code, set_coding_memo
from workbench.core.services.documents import add_document
from workbench.gui.context import AppContext
from workbench.gui.models.passages_model import (
    CODE,
    CODER,
    MEMO,
    PASSAGE,
    REFERENCE,
    ObjectRole,
    PassagesModel,
    SortRole,
)
from workbench.gui.panels.passages_panel import PassagesPanel

SOCIALISATION = "Socialisation"
SAFE_SPACES = "Safe and informal spaces"
FIELDNOTE = "De jongeren bouwen zelf een podium op het plein."


@pytest.fixture
def panel(qtbot, context: AppContext) -> PassagesPanel:
    widget = PassagesPanel(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cid(context: AppContext, name: str) -> int:
    return code_id(context.project, name)


def shown(panel: PassagesPanel, column: int = REFERENCE) -> list[str]:
    return [panel.proxy.index(row, column).data() for row in range(panel.proxy.rowCount())]


def choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def click_row(qtbot, panel: PassagesPanel, row: int) -> None:
    rect = panel.view.visualRect(panel.proxy.index(row, PASSAGE))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_passages_model_passes_the_model_tester(qtmodeltester, context: AppContext) -> None:
    model = PassagesModel()
    with context.reading() as session:
        model.set_passages(list_passages(session, [cid(context, SOCIALISATION),
                                                   cid(context, SAFE_SPACES)]))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    first = model.index(0, REFERENCE)
    assert first.data(ObjectRole).coder == "Lotte"
    assert model.index(1, REFERENCE).data(SortRole) > first.data(SortRole)
    assert "We kookten samen" in model.index(0, PASSAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(0, CODE).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_selecting_two_codes_shows_both_passages_with_their_references(
        panel: PassagesPanel, context: AppContext) -> None:
    assert panel.model.rowCount() == 0
    assert "Select one or more codes" in panel.codes_label.text()

    context.codesSelected.emit([cid(context, SOCIALISATION), cid(context, SAFE_SPACES)])

    assert shown(panel) == ["Solidaire keuken · Interview met Zoë · ¶3",
                            "Solidaire keuken · Interview met Zoë · ¶5"]
    assert shown(panel, CODE) == ["Socialisation (socialisatie)",
                                  "Safe and informal spaces (veilige en informele ruimtes)"]
    assert shown(panel, CODER) == ["Lotte", "Youssef"]
    assert shown(panel, PASSAGE) == ["Zoë: We kookten samen, élke zondag, voor wie honger had.",
                                     "Zoë: een plek waar je gewoon mag zijn."]
    assert panel.count_label.text() == "2 passages in 1 case"
    assert "Socialisation (socialisatie)" in panel.codes_label.text()


def test_filtering_by_coder_leaves_one_passage(panel: PassagesPanel, context: AppContext) -> None:
    panel.show_codes([cid(context, SOCIALISATION), cid(context, SAFE_SPACES)])

    choose(panel.coder_combo, "Youssef")

    assert shown(panel, CODER) == ["Youssef"]
    assert panel.count_label.text() == "1 passage in 1 case"
    choose(panel.coder_combo, "All coders")
    assert panel.model.rowCount() == 2


@pytest.mark.slow  # over half a second: the list refilled for each filter
def test_case_kind_and_attribute_filters(qtbot, panel: PassagesPanel,
                                         context: AppContext) -> None:
    socialisation = cid(context, SOCIALISATION)
    panel.show_codes([socialisation, cid(context, SAFE_SPACES)])
    plein = context.run(create_case, "Speelplein", attributes={"place": "leisure"}).subject.id
    note = context.run(
        add_document, plein, "Veldnota plein", FIELDNOTE, kind="fieldnote"
    ).subject.id
    context.run(apply_code, note, socialisation, 0, 11, coder="Youssef")
    settle(qtbot, panel)
    assert panel.count_label.text() == "3 passages in 2 cases"
    assert not panel.value_combo.isEnabled()

    choose(panel.kind_combo, "Fieldnote")
    assert shown(panel, PASSAGE) == ["De jongeren"]
    choose(panel.attribute_combo, "place")
    assert panel.value_combo.isEnabled()
    choose(panel.value_combo, "public space")
    assert panel.count_label.text() == "0 passages in 0 cases"

    panel.clear_filters()
    choose(panel.case_combo, "Solidaire keuken")
    assert panel.model.rowCount() == 2
    choose(panel.case_combo, "Speelplein")
    assert shown(panel) == ["Speelplein · Veldnota plein · ¶1"]


def test_a_theme_brings_its_sub_codes_until_the_box_is_unticked(panel: PassagesPanel,
                                                                context: AppContext) -> None:
    panel.show_codes([cid(context, "Pedagogy of solidarity")])
    assert shown(panel, CODER) == ["Lotte"]

    panel.subcodes_check.click()

    assert panel.model.rowCount() == 0


def test_clicking_a_passage_opens_its_document_there(qtbot, panel: PassagesPanel,
                                                     context: AppContext) -> None:
    panel.show_codes([cid(context, SOCIALISATION), cid(context, SAFE_SPACES)])
    start = INTERVIEW.index("een plek")
    with context.reading() as session:
        document = list_documents(session)[0].id

    with qtbot.waitSignal(context.documentRequested) as opened:
        click_row(qtbot, panel, 1)

    assert opened.args == [document, start, len(INTERVIEW)]


def test_enter_on_a_passage_opens_it_too(qtbot, panel: PassagesPanel,
                                         context: AppContext) -> None:
    panel.show_codes([cid(context, SOCIALISATION)])
    panel.view.setCurrentIndex(panel.proxy.index(0, PASSAGE))
    panel.view.setFocus()

    with qtbot.waitSignal(context.documentRequested) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)

    assert opened.args[1:] == [INTERVIEW.index("We kookten"), INTERVIEW.index(" Niemand")]


def test_new_codings_memos_and_undo_refresh_the_list(qtbot, panel: PassagesPanel,
                                                     context: AppContext) -> None:
    socialisation = cid(context, SOCIALISATION)
    panel.show_codes([socialisation])
    with context.reading() as session:
        document = list_documents(session)[0].id
    start = INTERVIEW.index("De buren")

    changes = context.run(apply_code, document, socialisation, start, start + 27, coder="Lotte")
    settle(qtbot, panel)
    assert shown(panel, PASSAGE)[1] == "Zoë: De buren brachten groenten."
    context.run(set_coding_memo, changes.subject.id, "Buren doen mee.")
    settle(qtbot, panel)
    assert shown(panel, MEMO)[1] == "Buren doen mee."

    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot, panel)
    assert panel.model.rowCount() == 1


def test_copy_puts_the_selected_passages_with_references_on_the_clipboard(
        panel: PassagesPanel, context: AppContext) -> None:
    panel.show_codes([cid(context, SOCIALISATION), cid(context, SAFE_SPACES)])
    panel.view.selectAll()

    panel.copy_action.trigger()

    copied = QApplication.clipboard().text()
    assert "We kookten samen" in copied
    assert "(Solidaire keuken · Interview met Zoë · ¶5, Safe and informal spaces" in copied


def test_closing_the_project_empties_the_panel(panel: PassagesPanel, context: AppContext) -> None:
    panel.show_codes([cid(context, SOCIALISATION)])
    context.close_project()
    assert panel.model.rowCount() == 0
    assert panel.case_combo.count() == 1
    assert panel.view.currentIndex() == QModelIndex()

