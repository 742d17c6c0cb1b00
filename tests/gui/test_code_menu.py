"""Coding from the document's context menu: any code, a new code, or in vivo; recent codes first."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from tests.helpers import code_id
from workbench.core.queries.codings import list_codings
from workbench.core.services.codings import remove_coding
from workbench.gui.code_menu import CodeMenu
from workbench.gui.context import AppContext
from workbench.gui.document_view.view import DocumentView


def _view(qtbot, context: AppContext) -> DocumentView:
    view = DocumentView(context)
    qtbot.addWidget(view)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    context.open_document(1)
    return view


def _code_menu(view: DocumentView) -> CodeMenu:
    menu = view.build_context_menu(QPoint(5, 5))
    [code_menu] = [a.menu() for a in menu.actions() if isinstance(a.menu(), CodeMenu)]
    return code_menu


def _entry(menu: QMenu, *names: str):
    """Walk submenus by the start of their titles; return the last entry's action."""
    action = None
    for name in names:
        [action] = [a for a in menu.actions() if a.text().startswith(name) and a.isVisible()]
        menu = action.menu() or menu
    return action


def _codings_with(context: AppContext, name: str) -> list[str]:
    with context.reading() as session:
        return [
            row.text for row in list_codings(session, code_ids=[code_id(context.project, name)])
        ]


def test_any_code_from_the_themes_submenus_codes_the_selection(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    view.select_range(INTERVIEW.index("De buren"), INTERVIEW.index(" Zo werd"))
    menu = _code_menu(view)
    assert menu.isEnabled()
    # Nothing coded yet in this session: no recent codes, only the themes.
    assert menu.visible_codes()[:2] == ["Need for transformation (nood aan transformatie)",
                                        "Sources of solidarity (bronnen van solidariteit)"]
    _entry(menu, "Sources of solidarity", "Interdependence").trigger()
    assert _codings_with(context, "Interdependence") == ["De buren brachten groenten."]


def test_recent_codes_come_first_with_their_names_even_if_not_in_this_document(
        qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    view.select_range(0, 9)
    context.code_selection(code_id(context.project, "Shared struggle"))
    # Recoded away: the code is no longer in the open document, but stays a recent code.
    with context.reading() as session:
        [row] = list_codings(session, code_ids=[code_id(context.project, "Shared struggle")])
    context.run(remove_coding, row.id)
    view.select_range(INTERVIEW.index("De buren"), INTERVIEW.index(" Zo werd"))
    names = _code_menu(view).visible_codes()
    assert names[0] == "Shared struggle (gezamenlijke strijd)"
    assert "?" not in names


def test_typing_filters_the_codes_accents_and_case_ignored(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    view.select_range(INTERVIEW.index("De buren"), INTERVIEW.index(" Zo werd"))
    menu = _code_menu(view)
    menu.filter_edit.setText("SOLIDARITEIT")  # the Dutch term of a theme, in capitals
    shown = menu.visible_codes()
    assert shown and all("solidarit" in name.lower() for name in shown)
    assert not any(name.startswith("Need for transformation") for name in shown)
    menu.filter_edit.setText("gezamenlijke str")
    [only] = menu.visible_codes()
    assert only.endswith("Shared struggle (gezamenlijke strijd)")
    [action] = [a for a, _ in menu.match_actions if a.isVisible()]
    action.trigger()
    assert _codings_with(context, "Shared struggle") == ["De buren brachten groenten."]


def test_a_new_code_and_an_in_vivo_code_from_the_menu(
        qtbot, context: AppContext, prompts: ScriptedPrompts) -> None:
    view = _view(qtbot, context)
    view.select_range(INTERVIEW.index("De buren"), INTERVIEW.index(" Zo werd"))
    prompts.answers.append("Neighbours bring food")
    _code_menu(view).new_code_action.trigger()
    assert _codings_with(context, "Neighbours bring food") == ["De buren brachten groenten."]

    view.select_range(INTERVIEW.index("een plek"), INTERVIEW.index(" waar je"))
    _code_menu(view).in_vivo_action.trigger()
    assert _codings_with(context, "een plek") == ["een plek"]
    assert context.recent_codes[0] == code_id(context.project, "een plek")


def test_without_a_selection_the_menu_is_off(qtbot, context: AppContext) -> None:
    view = _view(qtbot, context)
    context.set_selection(None)
    assert not _code_menu(view).isEnabled()


