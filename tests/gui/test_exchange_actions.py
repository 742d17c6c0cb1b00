"""Exporting the open project as a .qdpx and opening a new project made from one."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import ScriptedPrompts
from workbench.core.queries.summary import project_summary
from workbench.gui.context import AppContext
from workbench.gui.dialogs.exchange_actions import export_qdpx, import_qdpx_project


def test_a_project_goes_out_as_qdpx_and_comes_back_as_a_new_open_project(
        context: AppContext, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    prompts.answers = [str(tmp_path / "keuken")]
    report = export_qdpx(context)
    assert report is not None and report.path == tmp_path / "keuken.qdpx"
    assert report.counts["codings"] == 2
    assert prompts.errors and "emoji" in prompts.errors[0]  # the interview holds 🍲🙂

    prompts.answers = [str(tmp_path / "keuken.qdpx"), str(tmp_path / "terug")]
    assert import_qdpx_project(context)

    assert context.project is not None and context.project.path == tmp_path / "terug.cwb"
    with context.reading() as session:
        summary = project_summary(session)
    assert (summary["codings"], summary["documents"], summary["coders"]) == (2, 1, 2)


def test_a_broken_package_is_reported_and_the_open_project_stays(
        context: AppContext, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    (tmp_path / "kapot.qdpx").write_bytes(b"PK\x03\x04 broken")
    before = context.project.path
    prompts.answers = [str(tmp_path / "kapot.qdpx"), str(tmp_path / "nieuw.cwb")]

    assert not import_qdpx_project(context)

    assert "kapot.qdpx" in prompts.errors[0]
    assert context.project.path == before and not (tmp_path / "nieuw.cwb").exists()
