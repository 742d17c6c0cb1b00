"""The merge preview dialog: a researcher reads the differences, chooses per row, and merges."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from tests.helpers import code_id
from workbench.core.codebooks.model import CodebookCode
from workbench.core.codebooks.qdc import write_codebook
from workbench.core.merge.codebook_plan import Choice
from workbench.core.model import AuditEntry, Coding
from workbench.core.queries.code_tree import code_paths
from workbench.core.services.codebook import project_codebook
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project
from workbench.gui.context import AppContext
from workbench.gui.dialogs.merge_dialog import open_codebook_merge, open_project_merge
from workbench.gui.models.merge_plan_model import CHOICE, DIFFERENCE, THEIRS, MergePlanModel

SOURCES = "Sources of solidarity (bronnen van solidariteit)"


def colleague_codebook(context: AppContext, folder: Path) -> Path:
    """Our codebook as a colleague sends it back: one code renamed, two codes added."""
    with context.reading() as session:
        codebook = project_codebook(session)
    sources = codebook.codes[1]
    sources.children[0].name = "Organised encounters"
    sources.children.append(CodebookCode("0c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f", "Shared strugle"))
    sources.children.append(CodebookCode("1c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f", "Buurtfeesten"))
    return write_codebook(codebook, folder / "collega.qdc")


def rows_of(model: MergePlanModel) -> dict[str, tuple[str, str]]:
    return {model.index(r, THEIRS).data(): (model.index(r, DIFFERENCE).data(),
                                            model.index(r, CHOICE).data())
            for r in range(model.rowCount())}


def test_the_merge_plan_model_passes_the_model_tester(
        qtmodeltester, context: AppContext, prompts, tmp_path: Path) -> None:
    prompts.answers = [str(colleague_codebook(context, tmp_path))]
    dialog = open_codebook_merge(context)
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    dialog.show_same.setChecked(True)
    qtmodeltester.check(dialog.model)
    dialog.reject()


def test_a_codebook_merge_shows_each_difference_and_carries_out_the_choices(
        qtbot, context: AppContext, prompts, tmp_path: Path) -> None:
    prompts.answers = [str(colleague_codebook(context, tmp_path))]
    dialog = open_codebook_merge(context)
    assert dialog is not None and dialog.isVisible()
    rows = rows_of(dialog.model)
    assert rows[f"{SOURCES} › Organised encounters"] == ("renamed", "keep ours")
    assert rows[f"{SOURCES} › Shared strugle"] == (
        "only there (like “Shared struggle (gezamenlijke strijd)”?)", "add")
    assert rows[f"{SOURCES} › Buurtfeesten"] == ("only there", "add")
    assert len(rows) == 3  # codes that are the same are hidden until asked for

    names = list(rows)
    dialog.select_row(names.index(f"{SOURCES} › Organised encounters"))
    dialog.choose(Choice.TAKE_THEIRS)
    dialog.select_row(names.index(f"{SOURCES} › Shared strugle"))
    assert dialog.pair_combo.itemText(0).endswith("Shared struggle (gezamenlijke strijd)")
    dialog.choose(Choice.PAIR, code_id(context.project, "Shared struggle"))
    assert rows_of(dialog.model)[f"{SOURCES} › Shared strugle"][1] == (
        "pair with Shared struggle (gezamenlijke strijd)")

    with qtbot.waitSignals([dialog.merged, context.changed], timeout=10_000):
        dialog.merge_button.click()

    with context.reading() as session:
        paths = set(code_paths(session).values())
        audits = session.scalar(select(func.count()).select_from(AuditEntry))
    assert f"{SOURCES}/Organised encounters" in paths and f"{SOURCES}/Buurtfeesten" in paths
    assert not any("strugle" in path for path in paths)
    assert audits == 1 and prompts.errors == []


def test_a_project_merge_brings_in_another_coders_codings_with_progress(
        qtbot, context: AppContext, prompts, coded_project_path: Path,
        tmp_path: Path) -> None:
    theirs = tmp_path / "amal.cwb"
    shutil.copy(coded_project_path, theirs)
    with Project.open(theirs) as project:
        apply_code(project, 1, code_id(project, "Shared struggle"), 0, 30, coder="Amal")
    prompts.answers = [str(theirs)]
    dialog = open_project_merge(context)
    assert dialog is not None
    assert "codings in the other project: 3" in dialog.findChild(QLabel).text()

    with qtbot.waitSignal(dialog.merged, timeout=10_000) as merged:
        dialog.merge_button.click()
        assert dialog.progress_bar.isVisible() and not dialog.merge_button.isEnabled()

    assert "1 coding(s) added" in merged.args[0].message
    # The merge ends with its summary, and how to take it back.
    assert prompts.informed[-1].startswith(merged.args[0].message)
    assert "Undo (Ctrl+Z) takes the whole merge back" in prompts.informed[-1]
    with context.reading() as session:
        assert session.scalar(select(func.count()).select_from(Coding)) == 3


def test_a_file_that_is_not_a_codebook_is_reported(context: AppContext, prompts,
                                                    tmp_path: Path) -> None:
    (tmp_path / "notes.qdc").write_text("just some notes", encoding="utf-8")
    prompts.answers = [str(tmp_path / "notes.qdc")]
    assert open_codebook_merge(context) is None
    assert "notes.qdc" in prompts.errors[0]
