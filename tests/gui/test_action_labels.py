"""An action's name reads in the interface language wherever the window shows it (Edit menu,
History), although the project stores it in the core's English: a Dutch researcher reads
"Document verwijderen", also for actions recorded by a colleague in an English interface."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtWidgets import QApplication

import workbench.core
from workbench.core.model import Document
from workbench.core.services.documents import delete_document, rename_document
from workbench.gui.action_labels import ACTION_LABELS, PREFIXED, shown_label
from workbench.gui.context import AppContext
from workbench.gui.dialogs.history_dialog import HistoryDialog
from workbench.gui.main_window import MainWindow

CORE = Path(workbench.core.__file__).parent


def _recorded_labels() -> tuple[set[str], set[str]]:
    """What the core's sources pass as an action's label: fixed strings, and the fixed starts
    of f-strings (``f"Autocode: {text}"``); defaults of ``label`` parameters count too."""
    fixed: set[str] = set()
    prefixes: set[str] = set()

    def note(node: ast.expr | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            fixed.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            head = node.values[0]
            assert isinstance(head, ast.Constant), ast.unparse(node)
            prefixes.add(str(head.value))

    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "transaction" and node.args:
                note(node.args[0])
            elif isinstance(node, ast.FunctionDef):
                arguments = node.args.args + node.args.kwonlyargs
                defaults = [*([None] * (len(node.args.args) - len(node.args.defaults))),
                            *node.args.defaults, *node.args.kw_defaults]
                for argument, default in zip(arguments, defaults, strict=True):
                    if argument.arg == "label":
                        note(default)
    return fixed, prefixes


def test_every_label_the_core_records_is_known_and_translated(qapp: QApplication,
                                                              dutch: None) -> None:
    fixed, prefixes = _recorded_labels()
    assert {"Delete document", "Code passage", "Merge project", "Change"} <= fixed  # it reads
    assert fixed <= set(ACTION_LABELS), fixed - set(ACTION_LABELS)
    assert prefixes == {prefix for prefix, _shown in PREFIXED}
    untranslated = [label for label in ACTION_LABELS if shown_label(label) == label]
    assert untranslated == []
    assert shown_label("Autocode: solidariteit") == "Autocoderen: solidariteit"
    assert shown_label("Something a newer version does") == "Something a newer version does"


def test_a_dutch_researcher_reads_her_actions_in_dutch(qtbot, context: AppContext,
                                                       dutch: None) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    dialog = HistoryDialog(context)
    qtbot.addWidget(dialog)
    with context.reading() as session:
        document = session.query(Document).one().id

    context.run(rename_document, document, "Interview met Zoë (2016)")
    assert window.undo_action.text() == "&Ongedaan maken Document hernoemen"
    context.run(delete_document, document)
    context.undo_stack.undo()

    assert window.undo_action.text() == "&Ongedaan maken Document hernoemen"
    assert window.redo_action.text() == "Opn&ieuw Document verwijderen"
    assert [dialog.table.item(row, 2).text() for row in range(3)] == [
        "Ongedaan maken: Document verwijderen", "Document verwijderen", "Document hernoemen"]
