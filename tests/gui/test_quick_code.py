"""The quick-code palette: type a few letters of a code, press Enter, the passage is coded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.gui.conftest import INTERVIEW
from tests.helpers import code_id
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_documents
from workbench.core.services.codes import update_code
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.dialogs.quick_code import QuickCodeDialog, matches, open_quick_code, path_words


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    widget.resize(900, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cid(context: AppContext, name: str) -> int:
    return code_id(context.project, name)


def select_passage(context: AppContext, words: str) -> None:
    with context.reading() as session:
        document = list_documents(session)[0].id
    start = INTERVIEW.index(words)
    context.set_selection(TextSelection(document, start, start + len(words)))


def coded_texts(context: AppContext, code: int) -> list[str]:
    with context.reading() as session:
        return [row.text for row in list_codings(session, code_ids=[code])]


def open_palette(qtbot, context: AppContext, window: QWidget) -> QuickCodeDialog:
    palette = open_quick_code(context, window)
    qtbot.waitUntil(palette.isVisible)
    return palette


def test_typing_sociali_and_enter_codes_the_passage_with_socialisation(
        qtbot, context: AppContext, window: QWidget) -> None:
    socialisation = cid(context, "Socialisation")
    select_passage(context, "De buren brachten groenten.")
    palette = open_palette(qtbot, context, window)
    assert palette.search_edit.hasFocus() or palette.search_edit.isVisible()

    qtbot.keyClicks(palette.search_edit, "sociali")
    assert palette.visible_codes() == [socialisation]
    assert palette.current_code_id() == socialisation
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

    assert not palette.isVisible()
    assert coded_texts(context, socialisation) == [
        "We kookten samen, élke zondag, voor wie honger had.", "De buren brachten groenten."]
    assert context.recent_codes[0] == socialisation


def test_the_filter_ignores_case_and_accents_and_matches_any_word_of_the_path(
        qtbot, context: AppContext, window: QWidget) -> None:
    palette = open_palette(qtbot, context, window)
    qtbot.keyClicks(palette.search_edit, "CREEREN")
    assert palette.visible_codes() == [cid(context, "Creating a stage")]
    palette.search_edit.clear()
    qtbot.keyClicks(palette.search_edit, "pedag qual")  # a word of the parent, one of the code
    assert palette.visible_codes() == [cid(context, "Qualification")]
    palette.search_edit.clear()
    qtbot.keyClicks(palette.search_edit, "zzz")
    assert palette.visible_codes() == [] and palette.current_code_id() is None
    palette.reject()


def test_word_matching() -> None:
    words = path_words(
        "Pedagogy of solidarity (pedagogie van solidariteit)/Socialisation (socialisatie)"
    )
    assert matches("sociali", words) and matches("SOCIALISATIE", words)
    assert matches("solid soc", words) and not matches("isation", words)


def test_recent_codes_come_first_and_grouping_only_codes_are_not_offered(
        qtbot, context: AppContext, window: QWidget) -> None:
    safe, struggle = cid(context, "Safe and informal spaces"), cid(context, "Shared struggle")
    citizenship = cid(context, "Citizenship as practice")
    context.run(update_code, citizenship, codable=False)
    context.recent_codes = [struggle, safe]
    palette = open_palette(qtbot, context, window)
    offered = palette.visible_codes()
    assert offered[:2] == [struggle, safe]
    assert citizenship not in offered
    assert len(offered) == 23
    palette.reject()


def test_arrow_keys_choose_and_escape_closes_without_coding(
        qtbot, context: AppContext, window: QWidget) -> None:
    select_passage(context, "Niemand vroeg naar papieren.")
    palette = open_palette(qtbot, context, window)
    qtbot.keyClicks(palette.search_edit, "shared")
    shared = palette.visible_codes()
    assert len(shared) == 2
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)
    assert palette.current_code_id() == shared[1]
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)  # stays on the last
    assert palette.current_code_id() == shared[1]
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Up)
    assert palette.current_code_id() == shared[0]

    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert all(coded_texts(context, code) == [] for code in shared)


def test_without_a_selected_passage_the_researcher_is_told_to_select_one(
        qtbot, context: AppContext, window: QWidget, prompts) -> None:
    palette = open_palette(qtbot, context, window)
    qtbot.keyClicks(palette.search_edit, "qualif")
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Enter)
    assert prompts.errors == ["Select a passage of the document first."]
    assert coded_texts(context, cid(context, "Qualification")) == []


def test_going_back_to_the_window_closes_the_palette(qtbot, context: AppContext,
                                                     window: QWidget) -> None:
    palette = open_palette(qtbot, context, window)
    with qtbot.waitSignal(palette.finished):
        window.activateWindow()
    assert context.recent_codes == []
