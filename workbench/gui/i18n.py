"""Translating the interface: every user-visible string goes through :func:`tr`.

The translations are Qt Linguist files in ``resources/i18n`` (``workbench_nl.ts``, and
``workbench_en.ts`` for English plural forms only), compiled to ``.qm`` files that ship in the
package; ``python -m workbench.gui.translations`` regenerates both from the sources.

``pyside6-lupdate`` finds ``tr("...")`` calls (context ""), ``tr("%n passage(s)", "", n)`` as a
plural, and ``QT_TR_NOOP("...")`` for strings translated later from a variable.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"en": "English", "nl": "Nederlands"}
DEFAULT_LANGUAGE = "en"
# The locale whose number and date formats go with a language the system does not speak.
FALLBACK_LOCALE = {"en": "en_GB", "nl": "nl_BE"}


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The translation of ``text``; with ``n``, the plural form for n (``%n`` in the text)."""
    return QCoreApplication.translate("", text, disambiguation or None, n)


def QT_TR_NOOP(text: str) -> str:
    """Mark a string for translation where it is defined; :func:`tr` translates it where shown."""
    return text


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The interface language for a Preferences choice ('system', 'en' or 'nl')."""
    if choice in LANGUAGES:
        return choice
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else DEFAULT_LANGUAGE


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """Numbers and dates in the system's own format when it speaks ``language`` (nl_BE, nl_NL,
    en_US...), else in the language's usual Belgian/British format."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(FALLBACK_LOCALE.get(language, "en_GB"))


def translation_dir() -> str:
    from workbench.core.paths import bundled_dir

    return str(bundled_dir("resources") / "i18n")


def install_language(choice: str = "system", app: QCoreApplication | None = None) -> str:
    """Load the translations for ``choice`` (replacing earlier ones); return the language."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("No Qt application is running.")
    language = resolve_language(choice)
    for old in app.findChildren(QTranslator, "workbenchTranslator"):
        app.removeTranslator(old)
        old.deleteLater()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"workbench_{language}", translation_dir()),
        (f"qtbase_{language}", qt_dir),
    ):
        translator = QTranslator(app)
        translator.setObjectName("workbenchTranslator")
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            translator.deleteLater()
    QLocale.setDefault(locale_for(language))
    return language


def current_language() -> str:
    """The language the interface speaks now (after :func:`install_language`)."""
    return QLocale().name().split("_")[0] if QLocale().name()[:2] in LANGUAGES else DEFAULT_LANGUAGE


def number(value: float, decimals: int = -1) -> str:
    """A number in the interface locale's format (1.234,5 in Dutch, 1,234.5 in English)."""
    locale = QLocale()
    if isinstance(value, int) and decimals < 0:
        return locale.toString(value)
    return locale.toString(float(value), "f", max(decimals, 0) if decimals >= 0 else 1)


def date_time(moment: datetime) -> str:
    """A local date and time in the interface locale's short format (3/12/26 14:02 in nl_BE)."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    shown = QDateTime(QDate(moment.year, moment.month, moment.day),
                      QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def date_text(day: date) -> str:
    """A date in the interface locale's short format."""
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
