"""A researcher codes the hits of a search widened to their sentence, paragraph or turn; coding
all hits asks first, with the counts the action will code, and records the search as the rule."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from workbench.core.model import Coding
from workbench.core.queries.codings import list_codings
from workbench.gui.context import AppContext
from workbench.gui.panels.search_panel import SearchPanel


def make_panel(qtbot, context: AppContext, query: str, scope: str) -> SearchPanel:
    panel = SearchPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.query_edit, query)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    panel.choose_code(code_id(context.project, "Creating a stage"))
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData(scope))
    return panel


def stage(context: AppContext) -> list[tuple[str, str | None]]:
    with context.reading() as session:
        rules = dict(session.query(Coding.id, Coding.rule).all())
        return [(row.text, rules[row.id]) for row in list_codings(
            session, code_ids=[code_id(context.project, "Creating a stage")])]


def test_coding_all_hits_asks_with_the_counts_and_codes_their_turns(
        qtbot, context: AppContext, prompts: ScriptedPrompts) -> None:
    panel = make_panel(qtbot, context, "keuken OR buren", "turn")
    prompts.answers = [False]
    assert panel.code_all_hits() is None  # declined: nothing coded
    assert prompts.confirmations == [
        "Code 2 passages in 1 document with “Creating a stage (een podium creëren)” "
        "(its speaker turn)? One undo takes them all back."]
    assert stage(context) == []

    panel.code_all_action.trigger()  # no answer scripted: yes

    rule = 'search "keuken OR buren" (turn)'
    assert stage(context) == [("Hoe is de keuken begonnen? 🍲🙂", rule), (
        "De buren brachten groenten. Zo werd het ook hun keuken, een plek waar je gewoon mag zijn.",
        rule)]
    assert (
        panel.status_label.text() == "Coded 2 passages with Creating a stage (een podium creëren)."
    )


def test_the_selected_hits_widened_to_their_sentence_are_hand_codings(
        qtbot, context: AppContext) -> None:
    panel = make_panel(qtbot, context, "keuken", "sentence")
    panel.view.selectRow(1)

    panel.code_selected_action.trigger()

    assert stage(context) == [
        ("Zo werd het ook hun keuken, een plek waar je gewoon mag zijn.", None)
    ]
