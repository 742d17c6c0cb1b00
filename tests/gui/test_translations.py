"""The interface speaks Dutch (Flemish research Dutch) and English, completely.

`pyside6-lupdate` is run over the sources into a copy of the translation files: any string
added without its Dutch translation (or English plural forms) fails here, and so does a
shipped .qm file that was not rebuilt from its .ts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from tests.gui.conftest import ScriptedPrompts
from workbench.core.queries.listing import list_codes
from workbench.gui import translations
from workbench.gui.code_names import dutch_first
from workbench.gui.context import AppContext
from workbench.gui.i18n import (
    current_language,
    date_text,
    number,
    resolve_language,
)
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translation files as pyside6-lupdate leaves them after reading today's sources."""
    folder = tmp_path_factory.mktemp("i18n")
    for ts in translations.I18N.glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    translations.update(folder)
    return folder


def test_no_dutch_string_is_unfinished(updated: Path) -> None:
    missing = translations.unfinished(translations.ts_path("nl", updated))
    assert missing == [], "translate these (python -m workbench.gui.translations):\n" + "\n".join(
        missing
    )


def test_every_english_plural_has_its_forms(updated: Path) -> None:
    assert translations.unfinished(translations.ts_path("en", updated)) == []


def test_the_shipped_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    for language in translations.CATALOGUES:
        shutil.copy(translations.ts_path(language), tmp_path)
    translations.release(tmp_path)
    for language in translations.CATALOGUES:
        built = (tmp_path / f"workbench_{language}.qm").read_bytes()
        shipped = (translations.I18N / f"workbench_{language}.qm").read_bytes()
        assert built == shipped, (
            f"rebuild workbench_{language}.qm (python -m workbench.gui.translations)"
        )


def test_the_language_follows_the_system_locale() -> None:
    assert resolve_language("system", QLocale("nl_BE")) == "nl"
    assert resolve_language("system", QLocale("nl_NL")) == "nl"
    assert resolve_language("system", QLocale("fr_BE")) == "en"
    assert resolve_language("en", QLocale("nl_BE")) == "en"


@pytest.mark.slow  # a fresh process
def test_a_fresh_process_on_a_flemish_system_starts_in_dutch(tmp_path: Path) -> None:
    script = ("from PySide6.QtWidgets import QApplication\n"
              "from PySide6.QtCore import QLocale\n"
              "from workbench.gui.i18n import install_language, tr\n"
              "app = QApplication([])\n"
              "print(install_language('system'), QLocale().name(), tr('&File'))\n")
    env = {**os.environ, "LANG": "nl_BE.UTF-8", "LC_ALL": "nl_BE.UTF-8", "LANGUAGE": "nl_BE",
           "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, cwd=tmp_path)
    assert done.stdout.split() == ["nl", "nl_BE", "&Bestand"], done.stderr


def test_the_window_in_dutch_menus_dialogs_plurals_numbers(
        qtbot, dutch: None, settings: Settings, prompts: ScriptedPrompts,
        coded_project_path: Path) -> None:
    assert current_language() == "nl"
    window = MainWindow(AppContext(settings, prompts))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):  # panels off screen wait until shown to refresh
        window.show()
    window.context.open_project(coded_project_path)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bestand", "Be&werken", "&Codes", "&Team", "&Analyse", "B&eeld", "&Help"]
    assert window.cases_dock.windowTitle() == "Casussen en documenten"
    assert window.codebook_dock.windowTitle() == "Codeboek"

    # Plurals through Qt's %n forms, numbers in the Belgian format.
    passages = window.passages_panel
    with window.context.reading() as session:
        codes = {code.name: code.id for code in list_codes(session)}
    window.context.codesSelected.emit([codes["Socialisation (socialisatie)"]])
    qtbot.waitUntil(lambda: passages.count_label.text() == "1 passage in 1 casus")
    window.context.codesSelected.emit(
        [
            codes["Socialisation (socialisatie)"],
            codes["Safe and informal spaces (veilige en informele ruimtes)"],
        ]
    )
    qtbot.waitUntil(lambda: passages.count_label.text() == "2 passages in 1 casus")
    assert number(2340) == "2.340" and number(0.5, 2) == "0,50"
    assert date_text(date(2016, 5, 3)) == "3/05/2016"

    # The codebook shows the Dutch term first.
    model = window.codebook_panel.model
    index = model.index_of(codes["Socialisation (socialisatie)"])
    assert index.data() == "Socialisatie (socialisation)"

    # The status bar says what an action did, in Dutch, with its plural forms.
    from workbench.core.services.cases import rename_case

    window.context.run(rename_case, 1, "Solidaire keuken Gent")
    assert window.statusBar().currentMessage() == (
        "Gewijzigd: 1 casus. Ctrl+Z maakt het ongedaan.")
    window.context.undo_stack.undo()

    # Dialogs.
    from workbench.gui.dialogs.agreement_dialog import open_agreement_dialog
    from workbench.gui.window_menus import open_preferences

    preferences = open_preferences(window)
    assert preferences.windowTitle() == "Voorkeuren"
    assert preferences.theme_combo.itemText(2) == "Donker"
    preferences.close()
    agreement = open_agreement_dialog(window.context, window)
    assert agreement.windowTitle() == "Overeenstemming tussen codeerders"
    assert "Cohens κ" in agreement.explanation.text()
    agreement.close()
    window.context.close_project()


def test_dutch_terms_come_first_only_for_bilingual_names() -> None:
    assert (
        dutch_first("Shared struggle (gezamenlijke strijd)")
        == "Gezamenlijke strijd (shared struggle)"
    )
    assert dutch_first("Work (job)") == "Job (work)"
    assert dutch_first("Keuken") == "Keuken"
    assert dutch_first("Need (a) and (b)") == "Need (a) and (b)"
