"""Scrolling the page over a choice box, spin box or slider never changes a stored value.

The researcher turns the mouse wheel over every combo box, spin box and slider of the main
window and of its dialogs; only a control she clicked into (keyboard focus) takes the wheel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from workbench.core.model import AttributeType
from workbench.core.queries.listing import list_cases
from workbench.core.services.cases import define_attribute, set_case_attribute
from workbench.core.storage import Project
from workbench.gui.context import AppContext
from workbench.gui.dialogs.agreement_dialog import open_agreement_dialog
from workbench.gui.dialogs.code_editor import CodeEditorDialog
from workbench.gui.dialogs.import_dialog import ImportDialog
from workbench.gui.dialogs.merge_code import MergeCodeDialog
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings
from workbench.gui.wheel_guard import is_guarded
from workbench.gui.window_menus import open_preferences


@pytest.fixture
def project_path(coded_project_path: Path) -> Path:
    """The kitchen project, its case with a choice attribute (kitchen, housing, neighbourhood)."""
    with Project.open(coded_project_path) as project:
        define_attribute(project, "topic", AttributeType.CHOICE,
                         ["kitchen", "housing", "neighbourhood"])
        define_attribute(project, "members", AttributeType.NUMBER)
        with project.reading() as session:
            case = list_cases(session)[0].id
        set_case_attribute(project, case, "topic", "housing")
        set_case_attribute(project, case, "members", 12)
    return coded_project_path


@pytest.fixture
def window(qtbot, settings: Settings, prompts: ScriptedPrompts, project_path: Path) -> MainWindow:
    main = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    with qtbot.waitExposed(main):
        main.show()
    main.context.open_project(project_path)
    with main.context.reading() as session:
        main.attributes_panel.show_case(list_cases(session)[0].id)
    return main


def _controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if is_guarded(w) and w.isVisible()]


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


def _turn_wheel(widget: QWidget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, -120 if notches > 0 else 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def _stored(window: MainWindow) -> object:
    with window.context.reading() as session:
        return [(case.name, sorted(case.attributes.items())) for case in list_cases(session)]


def _wheel_over_everything(qtbot, root: QWidget) -> list[QWidget]:
    controls = _controls(root)
    root.setFocus()
    for control in controls:
        before = _value(control)
        _turn_wheel(control, 3)
        _turn_wheel(control, -1)
        assert _value(control) == before, f"the wheel changed {type(control).__name__} " \
                                          f"{control.objectName() or control.toolTip()}"
    return controls


@pytest.mark.slow  # over half a second: opens every dialog of the window
def test_the_wheel_changes_nothing_in_the_window_or_its_dialogs(
        qtbot, window: MainWindow) -> None:
    context = window.context
    stored = _stored(window)
    window.show_matrix()
    qtbot.wait(50)
    seen = _wheel_over_everything(qtbot, window)
    combos = [w for w in seen if isinstance(w, QComboBox)]
    assert len(combos) >= 8  # the topic choice, the matrix's and the passages' filters...
    assert any(w.currentText() == "housing" for w in combos)

    code = code_id(context.project, "Socialisation")
    dialogs = [open_preferences(window), open_agreement_dialog(context, window),
               CodeEditorDialog(context, code, window), MergeCodeDialog(context, code, window),
               ImportDialog(context, 1, window)]
    found = {}
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        found[type(dialog).__name__] = len(_wheel_over_everything(qtbot, dialog))
        dialog.close()
    # Theme, language and backups; overlap and seed; the import dialog's kind...
    assert found["PreferencesDialog"] == 3 and found["AgreementDialog"] == 2
    assert found["ImportDialog"] >= 1
    assert _stored(window) == stored
    assert context.settings.keep_backups == Settings(Path(context.settings.data_dir) /
                                                     "settings.ini").keep_backups


def test_a_control_with_focus_still_takes_the_wheel(qtbot, window: MainWindow) -> None:
    [topic] = [w for w in _controls(window) if isinstance(w, QComboBox)
               and w.currentText() == "housing"]
    topic.setFocus()
    qtbot.waitUntil(topic.hasFocus)
    _turn_wheel(topic, 1)
    assert topic.currentText() == "neighbourhood"
    qtbot.waitUntil(lambda: "neighbourhood" in str(_stored(window)))
