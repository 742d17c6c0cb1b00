"""A researcher autocodes in the window: from the codebook's context menu, chooses a rule, sees
the preview's counts and sample change as she types, codes, and takes it back with one undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from tests.helpers import NOT_CONTENT, code_id, table_contents
from workbench.core.queries.codings import list_codings
from workbench.gui.context import AppContext
from workbench.gui.dialogs.autocode_dialog import CASES, DOCUMENTS, AutocodeDialog
from workbench.gui.dialogs.autocode_rule_editor import HEADINGS, SPEAKERS, TEXT
from workbench.gui.panels.codebook_panel import CodebookPanel

SOCIALISATION = "Socialisation"


@pytest.fixture
def dialog(qtbot, context: AppContext) -> AutocodeDialog:
    panel = CodebookPanel(context)
    qtbot.addWidget(panel)
    panel.select_code(code_id(context.project, SOCIALISATION))
    assert panel.autocode_action in panel.context_menu().actions()
    panel.autocode_action.trigger()
    widget = panel.autocode_dialog  # the panel's child: closed (and deleted) with it
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.runner is None)  # the first count, of the empty rule
    return widget


def tick(widget, text: str) -> None:
    [item] = [widget.item(n) for n in range(widget.count()) if widget.item(n).text() == text]
    item.setCheckState(Qt.CheckState.Checked)


def previewed(qtbot, dialog: AutocodeDialog, edit):
    """Make an edit and wait for the live preview it starts (off the GUI thread)."""
    with qtbot.waitSignal(dialog.previewed, timeout=10000) as signal:
        edit()
    return signal.args[0]


def code(qtbot, dialog: AutocodeDialog, context: AppContext) -> None:
    with qtbot.waitSignals([dialog.coded, context.changed], timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def socialisation(context: AppContext) -> list[tuple[str, str]]:
    with context.reading() as session:
        return [(row.coder, row.text) for row in list_codings(
            session, code_ids=[code_id(context.project, SOCIALISATION)])]


def test_every_turn_of_a_speaker_after_a_live_preview_then_one_undo(
        qtbot, dialog: AutocodeDialog, context: AppContext) -> None:
    before = {table: rows for table, rows in table_contents(context.project.path).items()
              if table not in NOT_CONTENT}
    assert dialog.code_combo.currentText().endswith("Socialisation (socialisatie)")
    assert dialog.rule_editor.kind_combo.currentIndex() == SPEAKERS
    assert not dialog.ok_button.isEnabled()  # no speaker chosen yet: nothing to code
    assert "Name the speakers" in dialog.preview_label.text()

    preview = previewed(qtbot, dialog, lambda: tick(dialog.rule_editor.speaker_list, "Zoë"))

    assert (preview.passages, preview.documents) == (2, 1)
    assert dialog.preview_label.text().startswith("2 passages in 1 of 1 document")
    assert dialog.sample_list.count() == 2
    assert (
        dialog.sample_list.item(0)
        .text()
        .startswith("Solidaire keuken · Interview met Zoë · ¶3\nWe kookten samen")
    )
    assert dialog.ok_button.isEnabled()
    dialog.grab().save("/tmp/autocode-dialog.png")

    code(qtbot, dialog, context)

    answers = [INTERVIEW.split("Zoë: ")[1].split("\n")[0], INTERVIEW.split("Zoë: ")[2]]
    assert socialisation(context) == [("Lotte", answers[0]), ("Lotte", answers[1])]
    assert dialog.changes is not None and dialog.result() == AutocodeDialog.DialogCode.Accepted
    context.undo_stack.undo()
    assert {table: rows for table, rows in table_contents(context.project.path).items()
            if table not in NOT_CONTENT} == before


@pytest.mark.slow  # over half a second: previews and runs a search over several documents
def test_a_search_widened_to_its_sentence_in_chosen_documents(
        qtbot, dialog: AutocodeDialog, context: AppContext) -> None:
    dialog.rule_editor.kind_combo.setCurrentIndex(TEXT)
    dialog.rule_editor.scope_combo.setCurrentIndex(dialog.rule_editor.scope_combo.findData("sentence"))
    assert (
        previewed(
            qtbot, dialog, lambda: qtbot.keyClicks(dialog.rule_editor.query_edit, "keuken")
        ).passages
        == 2
    )
    assert previewed(qtbot, dialog, lambda: dialog.where_combo.setCurrentIndex(DOCUMENTS)) is None
    assert dialog.preview_label.text() == "Tick the cases or documents to look in."
    preview = previewed(qtbot, dialog, lambda: tick(dialog.document_list, "Interview met Zoë"))

    assert (preview.passages, preview.rule) == (2, 'search "keuken" (sentence)')
    code(qtbot, dialog, context)
    assert socialisation(context) == [
        ("Lotte", "Hoe is de keuken begonnen?"),
        ("Lotte", "We kookten samen, élke zondag, voor wie honger had."),
        ("Lotte", "Zo werd het ook hun keuken, een plek waar je gewoon mag zijn.")]


def test_a_regular_expression_that_cannot_run_says_why_and_codes_nothing(
        qtbot, dialog: AutocodeDialog, context: AppContext,
        prompts: ScriptedPrompts) -> None:
    dialog.rule_editor.kind_combo.setCurrentIndex(TEXT)
    dialog.rule_editor.regex_check.setChecked(True)
    assert (
        previewed(qtbot, dialog, lambda: qtbot.keyClicks(dialog.rule_editor.query_edit, "(keuken"))
        is None
    )
    assert "not a valid regular expression" in dialog.preview_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and prompts.errors == []
    assert socialisation(context) == [
        ("Lotte", "We kookten samen, élke zondag, voor wie honger had.")
    ]


def test_headings_and_cases_pages(qtbot, dialog: AutocodeDialog) -> None:
    dialog.rule_editor.kind_combo.setCurrentIndex(HEADINGS)
    dialog.where_combo.setCurrentIndex(CASES)
    tick(dialog.case_list, "Solidaire keuken")
    preview = previewed(
        qtbot, dialog, lambda: qtbot.keyClicks(dialog.rule_editor.heading_edit, "interview")
    )
    # "[Interview met Zoë, 3 mei 2016]" stands alone but is followed by turns: it is a heading
    # whose section is the whole conversation.
    assert (preview.passages, preview.searched) == (1, 1)
    assert preview.sample[0].text.startswith("Interviewer: Hoe is de keuken begonnen?")
