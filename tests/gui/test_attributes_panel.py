"""A researcher describes a case: its name, description and typed attributes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.gui.conftest import ScriptedPrompts
from workbench.core.model import AttributeType
from workbench.core.queries.listing import CaseRow, list_attributes, list_cases
from workbench.gui.context import AppContext
from workbench.gui.panels.attributes_panel import (
    AttributesPanel,
    ComboEditor,
    DateEditor,
    NumberEditor,
    TextEditor,
)
from workbench.gui.panels.cases_panel import CasesPanel


@pytest.fixture
def panels(qtbot, context: AppContext) -> tuple[CasesPanel, AttributesPanel]:
    cases, attributes = CasesPanel(context), AttributesPanel(context)
    cases.caseSelected.connect(attributes.show_case)  # as the main window wires them
    for widget in (cases, attributes):
        qtbot.addWidget(widget)
        widget.resize(420, 560)
        widget.show()
        qtbot.waitExposed(widget)
    return cases, attributes


def the_case(context: AppContext) -> CaseRow:
    with context.reading() as session:
        return list_cases(session)[0]


def define(qtbot, panel: AttributesPanel, name: str, kind: str, choices: str = "") -> None:
    panel.new_attribute_action.trigger()
    form = panel.new_form
    assert form.isVisible()
    qtbot.keyClicks(form.name_edit, name)
    form.type_combo.setCurrentIndex(form.type_combo.findText(kind))
    qtbot.keyClicks(form.choices_edit, choices)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)


def type_into(qtbot, editor, text: str) -> None:
    editor.clear()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_researcher_defines_attributes_of_every_type_and_fills_them_in(
        qtbot, panels: tuple[CasesPanel, AttributesPanel], context: AppContext) -> None:
    cases, panel = panels
    cases.select_case(the_case(context).id)
    assert panel.case is not None and panel.name_edit.text() == "Solidaire keuken"
    define(qtbot, panel, "city", "Text")
    define(qtbot, panel, "volunteers", "Number")
    define(qtbot, panel, "first visit", "Date")
    define(qtbot, panel, "subsidised", "Yes / no")
    define(qtbot, panel, "design", "Choice", "retrospective, action research")
    with context.reading() as session:
        kinds = {row.name: row.type for row in list_attributes(session)}
    assert kinds["design"] is AttributeType.CHOICE and kinds["first visit"] is AttributeType.DATE
    editors = panel.editors
    assert isinstance(editors["city"], TextEditor) and isinstance(
        editors["volunteers"], NumberEditor
    )
    assert isinstance(editors["first visit"], DateEditor)
    assert isinstance(editors["subsidised"], ComboEditor)
    assert [editors["design"].itemText(i) for i in range(3)] == [
        "not set", "retrospective", "action research"]

    type_into(qtbot, editors["city"], "Brussel")
    type_into(qtbot, editors["volunteers"], "12,5")  # a decimal comma is a number too
    qtbot.keyClicks(editors["volunteers"], "abc")  # letters are refused by the editor
    date_edit = editors["first visit"].date_edit
    date_edit.setDate(QDate(2016, 5, 3))
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    editors["subsidised"].setCurrentIndex(editors["subsidised"].findText("no"))
    editors["design"].setCurrentIndex(editors["design"].findText("action research"))

    assert the_case(context).attributes == {
        "place": "public space", "city": "Brussel", "volunteers": 12.5,
        "first visit": date(2016, 5, 3), "subsidised": False, "design": "action research"}
    assert editors["volunteers"].text() == "12.5"  # shown as stored


def test_clearing_an_attribute_and_undoing_it(
        qtbot, panels: tuple[CasesPanel, AttributesPanel], context: AppContext) -> None:
    cases, panel = panels
    define(qtbot, panel, "since", "Date")
    cases.select_case(the_case(context).id)
    panel.editors["since"].date_edit.setDate(QDate(2015, 9, 1))
    qtbot.keyClick(panel.editors["since"].date_edit, Qt.Key.Key_Return)
    assert the_case(context).attributes["since"] == date(2015, 9, 1)

    clear = panel.editors["since"].clear_button
    qtbot.waitUntil(lambda: clear.height() > 0)  # the new editor's row is laid out
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert "since" not in the_case(context).attributes
    assert panel.editors["since"].date_edit.text() == "not set"
    type_into(qtbot, panel.editors["place"], "")
    assert the_case(context).attributes == {}

    context.undo_stack.undo()  # the panel follows the project back
    assert panel.editors["place"].text() == "public space"
    context.undo_stack.undo()
    assert panel.editors["since"].value() == date(2015, 9, 1)


def test_the_case_name_and_description_are_edited_in_place(
        qtbot, panels: tuple[CasesPanel, AttributesPanel], context: AppContext,
        prompts: ScriptedPrompts) -> None:
    cases, panel = panels
    cases.select_case(the_case(context).id)
    type_into(qtbot, panel.name_edit, "Solidaire keuken La Marmite")
    assert the_case(context).name == "Solidaire keuken La Marmite"
    assert panel.title_label.text() == "Solidaire keuken La Marmite"

    qtbot.keyClicks(panel.description_edit, "Kookcollectief in Molenbeek, elke zondag.")
    qtbot.keyClick(panel.description_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert the_case(context).description == "Kookcollectief in Molenbeek, elke zondag."

    type_into(qtbot, panel.name_edit, "")  # a case needs a name: refused, the name comes back
    assert prompts.errors == ["A case needs a name."]
    assert panel.name_edit.text() == "Solidaire keuken La Marmite"


def test_a_choice_attribute_needs_choices(
        qtbot, panels: tuple[CasesPanel, AttributesPanel], context: AppContext,
        prompts: ScriptedPrompts) -> None:
    _, panel = panels
    assert panel.empty_label.isVisible()  # no case selected yet
    define(qtbot, panel, "setting", "Choice")
    assert prompts.errors == ["The choice attribute 'setting' needs at least one choice."]
    assert panel.new_form.isVisible()  # the form stays, so the researcher can add the choices
    qtbot.keyClicks(panel.new_form.choices_edit, "work; living; school")
    qtbot.mouseClick(panel.new_form.add_button, Qt.MouseButton.LeftButton)
    assert not panel.new_form.isVisible()
    with context.reading() as session:
        [*_, setting] = list_attributes(session)
    assert setting.choices == ("work", "living", "school")
