"""The project open in another window: this window reads it, says so, and refuses changes."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.gui.conftest import ScriptedPrompts
from tests.helpers import code_id
from tests.project_holder import HoldingProcess
from workbench.core.queries.listing import list_cases
from workbench.core.services.cases import create_case
from workbench.core.storage.backups import list_backups
from workbench.gui.context import AppContext, TextSelection
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings


@pytest.fixture
def window(qtbot, settings: Settings, prompts: ScriptedPrompts) -> MainWindow:
    main = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    with qtbot.waitExposed(main):
        main.show()
    return main


@pytest.mark.slow
def test_a_project_open_in_another_window_opens_read_only(
        window: MainWindow, prompts: ScriptedPrompts, coded_project_path: Path,
        tmp_path: Path) -> None:
    context = window.context
    with HoldingProcess(coded_project_path, user="Youssef"):
        assert context.open_project(coded_project_path)
        banner = window.read_only_banner
        assert banner.isVisible()
        assert (f"open for writing by Youssef on host {socket.gethostname()} since"
                in banner.label.text())
        assert "[read-only]" in window.windowTitle()
        assert not window.import_action.isEnabled() and not window.quick_code_action.isEnabled()
        assert window.search_action.isEnabled()  # reading still works
        panels = window.cases_panel, window.codebook_panel, window.memo_panel
        assert not any(action.isEnabled() for action in (
            panels[0].new_case_action, panels[0].import_action, panels[1].new_code_action,
            panels[2].new_memo_action, window.attributes_panel.new_attribute_action))
        window.grab().save(str(tmp_path / "read-only.png"))

        # Coding a passage is refused, saying why; nothing changes.
        context.set_selection(TextSelection(1, 0, 10))
        assert context.code_selection(code_id(context.project, "Socialisation")) is None
        assert prompts.errors[-1] == (
            f"keuken.cwb is open read-only because it is open for writing by Youssef on host "
            f"{socket.gethostname()} since {prompts.errors[-1].split(' since ')[1]}")
        assert prompts.errors[-1].endswith("your change was not made.")
        assert context.run(create_case, "Buurthuis") is None
        assert not window.undo_action.isEnabled()  # another window's history is not ours

        window.read_only_banner.retry_button.click()  # still open over there: stays read-only
        assert "close it there and try again" in prompts.errors[-1]
        assert context.project.read_only

    window.read_only_banner.retry_button.click()  # the other window closed it
    assert not context.project.read_only and not banner.isVisible()
    assert "[read-only]" not in window.windowTitle() and window.import_action.isEnabled()
    assert window.cases_panel.new_case_action.isEnabled()
    assert window.codebook_panel.new_code_action.isEnabled()
    assert context.run(create_case, "Buurthuis") is not None
    with context.reading() as session:
        assert [case.name for case in list_cases(session)] == ["Solidaire keuken", "Buurthuis"]


def test_choosing_how_many_backups_to_keep(
        window: MainWindow, prompts: ScriptedPrompts, coded_project_path: Path) -> None:
    prompts.answers += ["lots", "2"]  # a wrong answer is explained, then asked again
    window.choose_backups()
    assert prompts.errors == ["Give a whole number from 0 to 100."]
    assert window.context.settings.keep_backups == 2
    for name in ("Jeugdbeweging", "Buurthuis", "Sportclub"):
        assert window.context.open_project(coded_project_path)
        window.context.run(create_case, name)
        window.context.close_project()
    assert len(list_backups(coded_project_path)) == 2


def test_reopening_the_open_project_keeps_it_writable(
        window: MainWindow, coded_project_path: Path) -> None:
    context = window.context
    assert context.open_project(coded_project_path)
    assert context.open_project(str(coded_project_path))  # e.g. from Open recent
    assert not context.project.read_only and not window.read_only_banner.isVisible()
