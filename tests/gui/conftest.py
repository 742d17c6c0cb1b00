"""GUI fixtures: a context on a small coded project, temporary settings, scripted prompts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from tests.helpers import add_case_with_document, code_id, copy_of_template
from workbench.core.services.cases import set_case_attribute
from workbench.core.services.codebook import create_project
from workbench.core.services.codings import apply_code
from workbench.gui.context import AppContext
from workbench.gui.i18n import install_language
from workbench.gui.prompts import Prompts
from workbench.gui.settings import Settings

INTERVIEW = (
    "[Interview met Zoë, 3 mei 2016]\n\n"
    "Interviewer: Hoe is de keuken begonnen? 🍲🙂\n\n"
    "Zoë: We kookten samen, élke zondag, voor wie honger had. Niemand vroeg naar papieren.\n\n"
    "Interviewer: En de buurt?\n\n"
    "Zoë: De buren brachten groenten. Zo werd het ook hun keuken, een plek waar je gewoon mag zijn."
)


class ScriptedPrompts(Prompts):
    """Answers questions from a script and records every message, instead of opening dialogs."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.confirmations: list[str] = []
        self.informed: list[str] = []
        self.answers: list[object] = []  # consumed in order by ask_text/confirm/open_*/save_file
        self.crashes: list[object] = []  # CrashReport of each crash dialog shown

    def _next(self, default: object) -> object:
        return self.answers.pop(0) if self.answers else default

    def error(self, parent, message, title=""):
        self.errors.append(message)

    def inform(self, parent, message, title=""):
        self.informed.append(message)

    def confirm(self, parent, message, title=""):
        self.confirmations.append(message)
        return bool(self._next(True))

    def ask_text(self, parent, label, title="", default=""):
        return self._next(None)

    def choose_item(self, parent, label, items, title=""):
        return self._next(None)

    def open_file(self, parent, title, filters=""):
        return self._next(None)

    def open_files(self, parent, title, filters=""):
        return self._next([])

    def save_file(self, parent, title, filters=""):
        return self._next(None)

    def crash(self, parent, report):
        self.crashes.append(report)


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The interface in English with its plural forms, as on an English system."""
    from workbench.gui.i18n import install_language

    install_language("en", qapp)


def settle(qtbot, panel) -> None:
    """Lists refresh on the next turn of the event loop after a change; wait for that."""
    qtbot.waitUntil(lambda: not panel._refresh_pending)


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    result = Settings(tmp_path / "settings.ini")
    result.coder_name = "Lotte"
    # No backup on each open (a page-by-page copy and a disk flush, a third of a window test's
    # open): the tests of backups choose how many to keep themselves.
    result.keep_backups = 0
    return result


def _build_coded_project(path: Path) -> None:
    with create_project(path, codebook="solidarity") as project:
        case, document = add_case_with_document(project, INTERVIEW, case="Solidaire keuken",
                                                title="Interview met Zoë")
        set_case_attribute(project, case, "place", "public space")
        start = INTERVIEW.index("We kookten")
        apply_code(project, document, code_id(project, "Socialisation"), start,
                   INTERVIEW.index(" Niemand"), coder="Lotte")
        apply_code(project, document, code_id(project, "Safe and informal spaces"),
                   INTERVIEW.index("een plek"), len(INTERVIEW), coder="Youssef")


@pytest.fixture
def coded_project_path(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the solidarity codebook, one case, one interview and two codings."""
    return copy_of_template(tmp_path_factory, "coded", _build_coded_project,
                            tmp_path / "keuken.cwb")


@pytest.fixture
def context(qtbot, settings: Settings, prompts: ScriptedPrompts,
            coded_project_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(settings, prompts)
    assert ctx.open_project(coded_project_path)
    yield ctx
    ctx.close_project()


@pytest.fixture
def shown_window(qtbot, context: AppContext):
    """The main window on the coded project, shown at 1400x900: panels off screen refresh only
    when shown, so tests of what the panels display need a window that is up."""
    from workbench.gui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    with qtbot.waitExposed(main):
        main.show()
    return main


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The interface in Dutch, numbers and dates as in Flanders; English again afterwards."""
    install_language("nl", qapp)
    QLocale.setDefault(QLocale("nl_BE"))
    yield
    install_language("en", qapp)
