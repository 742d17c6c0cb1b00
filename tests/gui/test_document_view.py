"""Reading a coded transcript: highlights, stripes, selection, and coding from the text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from tests.gui.conftest import INTERVIEW
from tests.helpers import case_id, code_id
from workbench.core.queries.codings import list_codings
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.document_view.view import DocumentView


def _view(qtbot, context: AppContext) -> DocumentView:
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    return view


def _background_at(view: DocumentView, code_point: int) -> str:
    qt_position = view.positions.to_qt(code_point)
    block = view.editor.document().findBlock(qt_position)
    for rng in block.layout().formats():
        if rng.start <= qt_position - block.position() < rng.start + rng.length:
            return rng.format.background().color().name()
    return ""


def test_coded_passages_are_highlighted_and_striped(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    assert view.header.text().startswith("<b>Interview met Zoë</b>")
    inside = INTERVIEW.index("élke zondag")
    outside = INTERVIEW.index("Niemand")
    assert _background_at(view, inside) not in ("", "#000000")
    assert _background_at(view, outside) in ("", "#000000")
    assert [c.code for c in view.highlighter.layers.codings] == [
        "Socialisation (socialisatie)", "Safe and informal spaces (veilige en informele ruimtes)"]
    view.stripes.repaint()
    assert len(view.stripes._bars) == 2


def test_coding_a_keyboard_selection_after_an_emoji_stores_core_positions(
        qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    target = "De buren brachten groenten."
    start = INTERVIEW.index(target)
    cursor = view.editor.textCursor()
    cursor.setPosition(view.positions.to_qt(start))
    view.editor.setTextCursor(cursor)
    view.editor.setFocus()
    for _ in range(len(target)):
        qtbot.keyClick(view.editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert context.selection == TextSelection(1, start, start + len(target))

    context.code_selection(code_id(context.project, "Interdependence"))

    with context.reading() as session:
        rows = [r for r in list_codings(session) if r.code.endswith("(onderlinge afhankelijkheid)")]
    assert [(r.start, r.end, r.text, r.coder) for r in rows] == [
        (start, start + len(target), target, "Lotte")]
    assert _background_at(view, start + 3) not in ("", "#000000")


def test_a_mouse_selection_snaps_to_whole_words(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    word = INTERVIEW.index("groenten")
    begin = view.editor.cursorRect(_cursor_at(view, word + 2)).center()
    finish = view.editor.cursorRect(_cursor_at(view, word + 5)).center()
    qtbot.mousePress(view.editor.viewport(), Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(view.editor.viewport(), finish)
    qtbot.mouseRelease(view.editor.viewport(), Qt.MouseButton.LeftButton, pos=finish)
    assert view.selected_range() == (word, word + len("groenten"))


def test_the_view_follows_undo_and_clicking_a_stripe_selects_its_passage(
        qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    start = INTERVIEW.index("Hoe is")
    context.run(apply_code, 1, code_id(context.project, "Recognition"), start, start + 6,
                coder="Lotte")
    assert len(view.highlighter.layers.codings) == 3
    context.undo_stack.undo()
    assert len(view.highlighter.layers.codings) == 2
    view.stripes.repaint()
    rect, coding = view.stripes._bars[0]
    qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_range() == view.positions.range_from_qt(coding.start, coding.end)


def test_hovering_a_highlight_names_code_and_coder(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    text = view._tooltip_for(view.positions.to_qt(INTERVIEW.index("een plek") + 2))
    assert "Safe and informal spaces" in text and "Youssef" in text
    menu = view.build_context_menu(QPoint(5, 5))
    assert menu.actions()


def _cursor_at(view: DocumentView, code_point: int) -> QTextCursor:
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(view.positions.to_qt(code_point))
    return cursor


def test_a_coding_is_recoded_and_fitted_to_a_new_selection(qtbot, context: AppContext,
                                                           prompts) -> None:
    view = _view(qtbot, context)
    inside = view.positions.to_qt(INTERVIEW.index("élke zondag"))
    point = view.editor.cursorRect(_cursor_at(view, INTERVIEW.index("élke zondag"))).center()
    [coding] = view.highlighter.layers.codings_at(inside)

    prompts.answers.append("Sources of solidarity (bronnen van solidariteit)/"
                           "Interdependence (onderlinge afhankelijkheid)")
    [recode_action] = [a for a in view.build_context_menu(point).actions()
                       if a.text().startswith("Recode as")]
    recode_action.trigger()

    start = INTERVIEW.index("We kookten")
    view.select_range(start, INTERVIEW.index(", élke"))
    [fit] = [a for a in view.build_context_menu(point).actions() if a.text().startswith("Fit")]
    fit.trigger()

    with context.reading() as session:
        [row] = list_codings(session, code_ids=[code_id(context.project, "Interdependence")])
    assert (row.id, row.text) == (coding.id, "We kookten samen")
    assert [c.code for c in view.highlighter.layers.codings_at(inside)] == []


def _bold_runs(view: DocumentView) -> list[str]:
    """The text of every bold stretch in the shown document, in order."""
    runs, document = [], view.editor.document()
    block = document.begin()
    while block.isValid():
        for rng in block.layout().formats():
            if rng.format.fontWeight() >= 700:
                runs.append(block.text()[rng.start:rng.start + rng.length])
        block = block.next()
    return runs


def test_the_view_bolds_exactly_the_stored_speaker_turns(qtbot, context: AppContext) -> None:
    fieldnote = ("Dan: zo noemde de buurt hem.\n\nIk kom om 8u25 aan.\n\nReflectie: open sfeer.")
    transcript = (
        "GRIET  00:14:00\nHoe begon het?\n\nZOË  00:14:05\nMet koffie.\n\nGRIET  00:15:10\nEn nu?"
    )
    case = case_id(context.project, "Solidaire keuken")
    note = add_document(context.project, case, "Veldnotitie", fieldnote, kind="fieldnote")
    interview = add_document(context.project, case, "Gesprek", transcript)
    view = _view(qtbot, context)
    assert _bold_runs(view) == ["Interviewer", "Zoë", "Interviewer", "Zoë"]

    context.open_document(note.subject.id)
    assert _bold_runs(view) == []  # "Dan:" is no speaker turn: the import found none

    context.open_document(interview.subject.id)
    assert _bold_runs(view) == ["GRIET", "ZOË", "GRIET"]
    time = transcript.index("00:14:05")
    block = view.editor.document().findBlock(view.positions.to_qt(time))
    grey = QColor(*view.highlighter.scheme.timestamp).name()  # the palette's muted ink
    greyed = [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
              if r.format.foreground().color().name() == grey]
    assert greyed == ["00:14:05"]
    assert "Speaker turn: ZOË · 00:14:05" in view._tooltip_for(view.positions.to_qt(time))
