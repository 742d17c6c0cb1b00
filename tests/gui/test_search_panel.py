"""A researcher searches the documents, goes to a hit, and codes the hits in one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import INTERVIEW, ScriptedPrompts, settle
from tests.helpers import code_id
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_documents
from workbench.core.queries.search_hits import search_hits
from workbench.core.services.documents import add_document
from workbench.gui.context import AppContext
from workbench.gui.models.search_model import (
    CASE,
    DOCUMENT,
    HIT,
    ObjectRole,
    PartsRole,
    SearchModel,
    SortRole,
)
from workbench.gui.panels.passages_panel import PassagesPanel
from workbench.gui.panels.search_panel import SearchPanel

SOCIALISATION = "Socialisation"


@pytest.fixture
def panel(qtbot, context: AppContext) -> SearchPanel:
    widget = SearchPanel(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def search(qtbot, panel: SearchPanel, query: str) -> None:
    panel.query_edit.clear()
    qtbot.keyClicks(panel.query_edit, query)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)


def hit_texts(panel: SearchPanel) -> list[str]:
    return [
        panel.proxy.index(row, HIT).data(ObjectRole).text for row in range(panel.proxy.rowCount())
    ]


def interview_id(context: AppContext) -> int:
    with context.reading() as session:
        return list_documents(session)[0].id


def test_the_search_model_passes_the_model_tester(qtmodeltester, context: AppContext) -> None:
    model = SearchModel()
    with context.reading() as session:
        model.set_hits(search_hits(session, "keuken OR zondag").hits)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, DOCUMENT).data() == "Interview met Zoë"
    assert model.index(0, CASE).data() == "Solidaire keuken"
    before, hit, after = model.index(0, HIT).data(PartsRole)
    assert (hit, before.endswith("Hoe is de "), after.startswith(" begonnen?")) == (
        "keuken",
        True,
        True,
    )
    assert "<b>keuken</b>" in model.index(0, HIT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, HIT).data(SortRole) == 2


def test_searching_lists_each_hit_at_its_place_after_the_emoji(qtbot, panel: SearchPanel,
                                                               context: AppContext) -> None:
    search(qtbot, panel, "keuken")

    assert hit_texts(panel) == ["keuken", "keuken"]
    hits = [panel.proxy.index(row, HIT).data(ObjectRole) for row in range(2)]
    assert [(hit.start, hit.end) for hit in hits] == [
        (INTERVIEW.index("keuken"), INTERVIEW.index("keuken") + 6),
        (INTERVIEW.rindex("keuken"), INTERVIEW.rindex("keuken") + 6)]
    assert panel.status_label.text() == "2 hits in 1 document"
    panel.view.grab()  # the hit-in-context delegate paints without complaint


def test_accents_are_optional(qtbot, panel: SearchPanel) -> None:
    search(qtbot, panel, "elke zoe")
    assert hit_texts(panel) == ["Zoë", "Zoë", "élke", "Zoë"]


def test_clicking_a_hit_opens_the_document_at_the_hit(qtbot, panel: SearchPanel,
                                                      context: AppContext) -> None:
    search(qtbot, panel, "keuken")
    rect = panel.view.visualRect(panel.proxy.index(1, HIT))

    with qtbot.waitSignal(context.documentRequested) as opened:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    start = INTERVIEW.rindex("keuken")
    assert opened.args == [interview_id(context), start, start + 6]


def test_coding_all_hits_is_one_step_that_one_undo_takes_back(qtbot, panel: SearchPanel,
                                                              context: AppContext) -> None:
    socialisation = code_id(context.project, SOCIALISATION)
    passages = PassagesPanel(context)
    qtbot.addWidget(passages)
    passages.show()  # a hidden panel only refreshes when it is shown again
    context.codesSelected.emit([socialisation])
    assert passages.model.rowCount() == 1
    search(qtbot, panel, "keuken")

    panel.choose_code(socialisation)
    assert panel.code_combo.currentText() == (
        "Pedagogy of solidarity (pedagogie van solidariteit) › Socialisation (socialisatie)")
    panel.code_all_action.trigger()
    settle(qtbot, passages)

    assert [passages.model.passage(row).text for row in range(3)] == [
        "keuken", "We kookten samen, élke zondag, voor wie honger had.", "keuken"]
    assert {passages.model.passage(row).coder for row in range(3)} == {"Lotte"}
    assert panel.status_label.text() == "Coded 2 hits with Socialisation (socialisatie)."

    context.undo_stack.undo()
    settle(qtbot, passages)

    assert passages.model.rowCount() == 1
    with context.reading() as session:
        assert [row.text for row in list_codings(session, code_ids=[socialisation])] == [
            "We kookten samen, élke zondag, voor wie honger had."]


def test_coding_the_selected_hits_only(qtbot, panel: SearchPanel,
                                       context: AppContext) -> None:
    search(qtbot, panel, "keuken")
    assert not panel.code_selected_action.isEnabled()
    panel.view.selectRow(1)
    assert panel.code_selected_action.isEnabled()
    stage = code_id(context.project, "Creating a stage")
    panel.choose_code(stage)

    panel.code_selected_action.trigger()

    with context.reading() as session:
        [coded] = list_codings(session, code_ids=[stage])
    assert (coded.start, coded.text, coded.coder) == (INTERVIEW.rindex("keuken"), "keuken", "Lotte")


def test_a_stray_quote_or_an_empty_search_does_not_crash(qtbot, panel: SearchPanel,
                                                         prompts: ScriptedPrompts) -> None:
    search(qtbot, panel, '"keuken')
    assert hit_texts(panel) == ["keuken", "keuken"]

    search(qtbot, panel, '"')
    assert panel.model.rowCount() == 0
    assert "no words" in panel.status_label.text()
    assert not panel.code_all_action.isEnabled()

    search(qtbot, panel, "NOT")
    search(qtbot, panel, "")
    assert panel.status_label.text() == "Type something to search for."
    assert prompts.errors == []


def test_the_hits_follow_new_documents_and_codes(qtbot, panel: SearchPanel,
                                                 context: AppContext) -> None:
    search(qtbot, panel, "keuken")
    with context.reading() as session:
        case_id = list_documents(session)[0].case_id
    context.run(add_document, case_id, "Tweede gesprek", "De keuken is van iedereen.")
    assert panel.status_label.text() == "3 hits in 2 documents"
    assert panel.code_combo.count() == 24  # every code of the solidarity codebook is codable
