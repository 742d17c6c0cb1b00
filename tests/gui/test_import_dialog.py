"""A researcher imports transcripts and fieldnotes; the window stays responsive and can cancel."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from workbench.core.errors import DomainError
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.model import Document
from workbench.core.queries.documents import describe_documents
from workbench.core.queries.listing import list_cases, list_documents
from workbench.core.services.changes import Changes
from workbench.gui.context import AppContext
from workbench.gui.dialogs.import_dialog import ImportDialog, file_filter
from workbench.gui.dialogs.import_files_table import DATE, INTERVIEWER
from workbench.gui.panels.cases_panel import CasesPanel
from workbench.gui.workers import JobRunner

FIELDNOTE = (
    "Veldnotitie, zondag 8 mei 2016.\n\nTwaalf mensen koken samen; de buren brengen groenten."
)


@pytest.fixture
def panel(qtbot, context: AppContext) -> CasesPanel:
    widget = CasesPanel(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def titles_in_tree(panel: CasesPanel, case: str) -> list[str]:
    model = panel.model
    [index] = [
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == case
    ]
    return [model.index(r, 0, index).data() for r in range(model.rowCount(index))]


def run_import(qtbot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_a_researcher_imports_three_files_and_reads_the_report(
        qtbot, panel: CasesPanel, context: AppContext, prompts: ScriptedPrompts,
        tmp_path: Path) -> None:
    files = [write(tmp_path, "fieldnote-zondag.txt", FIELDNOTE),
             write(tmp_path, "zoe-kopie.txt", INTERVIEW),  # the same text as the case's interview
             write(tmp_path, "leeg.txt", "")]
    panel.select_case(panel.model.cases()[0].id)
    prompts.answers = [[str(path) for path in files]]
    panel.import_action.trigger()
    dialog = panel.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.paths() == files and dialog.case_combo.currentText() == "Solidaire keuken"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("fieldnote"))

    with qtbot.waitSignal(context.changed) as changed:
        run_import(qtbot, dialog)
    assert dialog.report_rows() == [
        (
            "fieldnote-zondag.txt",
            "imported",
            "Added document 'fieldnote-zondag' to case 'Solidaire keuken'.",
        ),
        (
            "zoe-kopie.txt",
            "skipped",
            "'zoe-kopie' is already in case 'Solidaire keuken' as "
            "'Interview met Zoë' (same text); skipped.",
        ),
        ("leeg.txt", "failed", "leeg.txt: the file is empty."),
    ]
    assert dialog.status_label.text() == (
        "1 imported, 1 skipped, 1 failed. The import is not one undo step: Undo takes back one "
        "document at a time; delete documents to remove them.")
    record: Changes = changed.args[0]
    assert record.count("document") == 1 and record.message == dialog.status_label.text()
    assert titles_in_tree(panel, "Solidaire keuken") == ["Interview met Zoë", "fieldnote-zondag"]
    with context.reading() as session:
        assert [d.kind for d in list_documents(session)] == ["interview", "fieldnote"]
    assert dialog.cancel_button.text() == "Close" and not dialog.import_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.import_dialog is None)  # closed and gone
    assert context.undo_stack.undoText() == "Add document"  # each file was its own step
    context.undo_stack.undo()
    assert titles_in_tree(panel, "Solidaire keuken") == ["Interview met Zoë"]


def test_files_dropped_on_the_window_go_into_a_new_case(
        qtbot, context: AppContext, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    folder = tmp_path / "jeugdhuis"
    write(folder, "interview-amine.txt", INTERVIEW.replace("Zoë", "Amine"))
    write(folder / "veldnotities", "zondag.md", FIELDNOTE)
    write(folder, "foto.jpg", "not a document")  # a folder gives only what can be imported
    dialog = ImportDialog.for_paths(context, [folder])
    qtbot.addWidget(dialog)
    assert [path.name for path in dialog.paths()] == ["interview-amine.txt", "zondag.md"]
    assert dialog.case_combo.currentText() == ""  # no case given: the researcher must pick one
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == ["Choose the case the documents belong to."] and not dialog.running
    dialog.case_combo.setEditText("Jeugdhuis De Kraanvogels")
    run_import(qtbot, dialog)
    with context.reading() as session:
        [_, new_case] = list_cases(session)
        assert new_case.name == "Jeugdhuis De Kraanvogels" and new_case.documents == 2


def test_files_can_be_dropped_onto_the_dialog(qtbot, context: AppContext, tmp_path: Path) -> None:
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    path = write(tmp_path, "fieldnote.txt", FIELDNOTE)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(dialog.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(dialog.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, drop)
    assert dialog.paths() == [path] and dialog.import_button.isEnabled()
    assert "*.txt" in file_filter()


def test_cancelling_half_way_keeps_only_whole_documents(
        qtbot, context: AppContext, tmp_path: Path) -> None:
    texts = {f"veldnotitie-{n:02}.txt": f"Veldnotitie {n}.\n\n" + FIELDNOTE * (n + 1)
             for n in range(60)}
    paths = [write(tmp_path / "many", name, text) for name, text in texts.items()]
    with context.reading() as session:
        keuken = list_cases(session)[0].id
    dialog = ImportDialog.for_paths(context, paths, case_id=keuken)
    qtbot.addWidget(dialog)

    def cancel_after_three(done: int, total: int, _message: str) -> None:
        if done == 3:
            assert dialog.running  # the window is live while the worker imports
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progressed.connect(cancel_after_three)
    run_import(qtbot, dialog)
    report = dialog.report
    imported = report.with_status("imported")
    assert report.cancelled and 3 <= len(imported) < 60
    with context.reading() as session:
        stored = dict(session.execute(
            select(Document.source_name, Document.text).where(Document.source_name != "")).all())
    assert stored == {o.path.name: texts[o.path.name].strip() for o in imported}
    rows = dialog.report_rows()
    assert len(rows) == 60 and rows[-1][1] == "cancelled"
    assert "The import was cancelled" in dialog.status_label.text()


def test_the_runner_works_off_the_gui_thread_and_reports_back(qtbot) -> None:
    threads: list[threading.Thread] = []

    def job(control: JobControl) -> str:
        threads.append(threading.current_thread())
        for step in range(3):
            control.report(step, 3, f"step {step}")
        return "done"

    runner = JobRunner(job)
    seen: list[tuple[int, int, str]] = []
    runner.progress.connect(lambda *args: seen.append(args))
    with qtbot.waitSignal(runner.finished) as finished:
        runner.start()
    assert finished.args == ["done"] and threads[0] is not threading.main_thread()
    assert seen == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert not runner.running


@pytest.mark.parametrize(("error", "signal", "args"), [
    (DomainError("Case 'X' does not exist."), "failed", ["Case 'X' does not exist."]),
    (JobCancelled("Cancelled."), "cancelled", []),
])
def test_the_runner_reports_a_refused_or_cancelled_job(qtbot, error: Exception, signal: str,
                                                       args: list[str]) -> None:
    def job(control: JobControl) -> None:
        raise error

    runner = JobRunner(job)
    with qtbot.waitSignal(getattr(runner, signal)) as emitted:
        runner.start()
    assert emitted.args == args


def test_each_file_gets_its_own_kind_date_and_interviewer(
        qtbot, context: AppContext, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    files = [write(tmp_path, "2016-05-08 veldnotitie keuken.txt", FIELDNOTE),
             write(tmp_path, "amine.txt", INTERVIEW.replace("Zoë", "Amine")),
             write(tmp_path, "beleidsplan.txt", "Het stedelijk beleidsplan 2015-2020.")]
    with context.reading() as session:
        keuken = list_cases(session)[0].id
    dialog = ImportDialog.for_paths(context, files, case_id=keuken)
    qtbot.addWidget(dialog)
    table = dialog.file_list
    assert table.kind_combo(1).toolTip() == "Guessed from nothing yet (reading the file…)"
    qtbot.waitUntil(lambda: not table.guessing)  # the text is read off the GUI thread
    assert [table.kind_combo(row).currentData() for row in range(3)] == [
        "fieldnote", "interview", "other"]
    assert table.kind_combo(0).toolTip() == "Guessed from its name (veldnotitie)"
    assert table.kind_combo(1).toolTip() == "Guessed from its speaker turns"
    assert [table.line(row, DATE).text() for row in range(3)] == ["2016-05-08", "", ""]
    assert table.line(1, INTERVIEWER).placeholderText() == "from the file"

    table.kind_combo(2).setCurrentIndex(table.kind_combo(2).findData("fieldnote"))
    qtbot.keyClicks(table.line(1, INTERVIEWER), "Lotte")
    qtbot.keyClicks(table.line(1, DATE), "8 mei")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == ["amine.txt: '8 mei' is not a date (YYYY-MM-DD)."]
    assert not dialog.running
    table.line(1, DATE).setText("2016-05-09")
    run_import(qtbot, dialog)

    with context.reading() as session:
        rows = {d.title: d for d in describe_documents(session)}
    assert [(rows[t].kind, rows[t].recorded_on, rows[t].interviewer) for t in (
        "2016-05-08 veldnotitie keuken", "amine", "beleidsplan")] == [
        ("fieldnote", date(2016, 5, 8), ""), ("interview", date(2016, 5, 9), "Lotte"),
        ("fieldnote", None, "")]


def test_choosing_a_kind_for_all_files_sets_every_row_and_the_wheel_changes_none(
        qtbot, context: AppContext, tmp_path: Path) -> None:
    dialog = ImportDialog.for_paths(context, [write(tmp_path, "interview 1.txt", INTERVIEW),
                                              write(tmp_path, "notities.txt", FIELDNOTE)])
    qtbot.addWidget(dialog)
    table = dialog.file_list
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("other"))
    assert [table.kind_combo(row).currentData() for row in range(2)] == ["other", "other"]
    combo = table.kind_combo(0)
    wheel = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentData() == "other"
    assert "*.vtt" in file_filter() and "*.srt" in file_filter()


def test_a_kind_the_researcher_picks_is_not_overwritten_by_a_late_guess(
        qtbot, context: AppContext, tmp_path: Path) -> None:
    files = [write(tmp_path, "amine.txt", INTERVIEW), write(tmp_path, "zoe.txt", INTERVIEW + ".")]
    dialog = ImportDialog.for_paths(context, files)
    qtbot.addWidget(dialog)
    table = dialog.file_list
    combo = table.kind_combo(0)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # before the guess from its text came back
    picked = combo.currentData()
    qtbot.waitUntil(lambda: not table.guessing)
    assert picked == "fieldnote" and combo.currentData() == picked
    assert table.kind_combo(1).currentData() == "interview"
