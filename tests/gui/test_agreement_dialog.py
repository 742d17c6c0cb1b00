"""A team lead compares two coders in the agreement dialog, reads the figures per code, browses
the passages they disagree on, opens one in the document view, and exports the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import INTERVIEW, ScriptedPrompts
from tests.helpers import code_id
from workbench.core.queries.listing import list_documents
from workbench.core.services.codings import apply_code
from workbench.gui.context import AppContext
from workbench.gui.dialogs.agreement_dialog import AgreementDialog, open_agreement_dialog
from workbench.gui.models.agreement_model import (
    AGREEMENT,
    KAPPA,
    KAPPA_CI,
    LABEL,
    SEGMENTS,
    AgreementModel,
    DisagreementModel,
    ObjectRole,
)


@pytest.fixture
def dialog(qtbot, context: AppContext) -> AgreementDialog:
    # Youssef also codes part of Lotte's Socialisation passage: partial agreement on that code.
    start = INTERVIEW.index("We kookten")
    apply_code(context.project, _document(context), code_id(context.project, "Socialisation"),
               start, start + len("We kookten samen"), coder="Youssef")
    widget = open_agreement_dialog(context)
    qtbot.addWidget(widget)
    qtbot.waitExposed(widget)
    return widget


def _document(context: AppContext) -> int:
    with context.reading() as session:
        return list_documents(session)[0].id


def compute(qtbot, dialog: AgreementDialog) -> None:
    with qtbot.waitSignal(dialog.computed, timeout=20000):
        qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)


def result_row(dialog: AgreementDialog, name: str) -> int:
    view = dialog.results_view.model()
    [row] = [n for n in range(view.rowCount())
             if view.index(n, LABEL).data().strip().startswith(name)]
    return row


@pytest.mark.slow  # bootstrap intervals for every code
def test_figures_per_code_with_intervals_and_segments(qtbot, dialog: AgreementDialog) -> None:
    assert dialog.checked(dialog.coder_list) == ["Lotte", "Youssef"]
    dialog.seed_spin.setValue(7)
    compute(qtbot, dialog)
    view = dialog.results_view.model()
    row = result_row(dialog, "Socialisation")
    socialisation = view.index(row, LABEL).data(ObjectRole)
    assert view.index(row, KAPPA).data() == f"{socialisation.kappa.value:.2f}"
    assert 0 < socialisation.kappa.value < 1
    assert view.index(row, AGREEMENT).data().endswith("%")
    assert view.index(row, SEGMENTS).data() == "0 / 1"  # Lotte's passage: Youssef covers less
    assert view.index(row, SEGMENTS + 1).data() == "1 / 1"
    unused = result_row(dialog, "Shared struggle")
    assert view.index(unused, KAPPA).data() == "–"
    assert "neither Lotte nor Youssef used" in view.index(unused, KAPPA).data(
        Qt.ItemDataRole.ToolTipRole)
    assert view.index(row, KAPPA_CI).data().startswith("[")
    assert "1 documents compared" in dialog.status_label.text()


@pytest.mark.slow  # over half a second: agreement computed, then a passage opened in the window
def test_the_disagreement_browser_opens_a_passage_in_the_document(
        qtbot, dialog: AgreementDialog, context: AppContext) -> None:
    compute(qtbot, dialog)
    assert len(dialog.disagreements_shown()) == 2  # Socialisation, and Safe and informal spaces
    dialog.results_view.selectRow(result_row(dialog, "Socialisation"))
    [shown] = dialog.disagreements_shown()
    model = dialog.disagreement_view.model()
    assert model.index(0, 0).data() == "Solidaire keuken · Interview met Zoë · ¶3"
    assert model.index(0, 2).data().startswith("We kookten samen, élke zondag")
    assert model.index(0, 3).data() == "We kookten samen"
    with qtbot.waitSignal(context.documentRequested) as opened:
        dialog.disagreement_view.doubleClicked.emit(model.index(0, 2))
    assert opened.args == [shown.document_id, shown.start, shown.end]


@pytest.mark.slow  # writes the Word and Excel reports
def test_the_report_goes_to_excel_and_word(qtbot, dialog: AgreementDialog,
                                          prompts: ScriptedPrompts, tmp_path: Path) -> None:
    assert not dialog.excel_button.isEnabled()
    compute(qtbot, dialog)
    prompts.answers = [str(tmp_path / "agreement"), str(tmp_path / "agreement.docx")]
    qtbot.mouseClick(dialog.excel_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "agreement.xlsx")["Agreement"]
    assert [cell.value for cell in sheet[1]][:5] == [
        "Level", "Code or case", "Characters", "Agreement", "Kappa"]
    assert (tmp_path / "agreement.docx").stat().st_size > 0
    assert prompts.errors == []


def test_choices_narrow_the_comparison(qtbot, dialog: AgreementDialog,
                                       context: AppContext, prompts: ScriptedPrompts) -> None:
    dialog.set_checked(dialog.coder_list, ["Lotte"])
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == ["Choose two or more coders."]
    dialog.set_checked(dialog.coder_list, ["Lotte", "Youssef"])
    dialog.set_checked(dialog.code_list, [code_id(context.project, "Socialisation")])
    dialog.overlap_spin.setValue(50)
    compute(qtbot, dialog)
    assert [row.label.rsplit("/", 1)[-1] for row in dialog.report.codes] == [
        "Socialisation (socialisatie)"]
    assert dialog.report.overlap == 0.5
    assert dialog.checked(dialog.document_list) == [_document(context)]


@pytest.mark.slow  # over half a second: Qt's model tester over every list of the dialog
def test_the_models_pass_the_model_tester(qtmodeltester, qtbot,
                                          dialog: AgreementDialog) -> None:
    compute(qtbot, dialog)
    results, disagreements = AgreementModel(), DisagreementModel()
    results.set_report(dialog.report)
    disagreements.set_disagreements(dialog.report.disagreements, dialog.report.coders)
    qtmodeltester.check(results)
    qtmodeltester.check(disagreements)
    assert results.rowCount() == len(dialog.report.rows())
    QApplication.processEvents()


@pytest.mark.slow  # over half a second: agreement computed and a row explained
def test_each_measure_is_explained_and_a_high_percentage_with_a_low_kappa_too(
        qtbot, dialog: AgreementDialog) -> None:
    explanation = dialog.explanation.text()
    for measure in ("Agreement", "Kappa", "Alpha", "95% CI"):
        assert f"<b>{measure}</b>" in explanation
    compute(qtbot, dialog)
    view = dialog.results_view.model()
    # Socialisation: most of the interview is coded by neither coder (high agreement), the
    # passage itself only partly by both (lower kappa): the story says why.
    row = result_row(dialog, "Socialisation")
    dialog.results_view.selectRow(row)
    socialisation = view.index(row, LABEL).data(ObjectRole)
    if socialisation.percent.value >= 0.85 and socialisation.kappa.value < 0.6:
        assert dialog.story_label.isVisible()
        assert "by chance" in dialog.story_label.text()
    for n in range(view.rowCount()):
        for column in range(view.columnCount()):
            assert "-0.00" not in str(view.index(n, column).data() or "")


@pytest.mark.slow  # over half a second: agreement computed and laid out
def test_the_lists_show_several_rows_and_the_header_in_full(qtbot, dialog: AgreementDialog) -> None:
    compute(qtbot, dialog)
    rows_shown = dialog.code_list.viewport().height() // dialog.code_list.sizeHintForRow(0)
    assert rows_shown >= 4
    header = dialog.results_view.horizontalHeader()
    label = dialog.results_view.model().headerData(LABEL, Qt.Orientation.Horizontal)
    assert header.sectionSize(LABEL) >= header.fontMetrics().horizontalAdvance(label)
