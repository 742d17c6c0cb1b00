"""The researcher's choices for an export that are not part of the matrix itself."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass

from workbench import __version__
from workbench.core.errors import DomainError

PROGRAM = f"Coding Workbench {__version__}"

CSV_DIALECTS = ("comma", "semicolon")
# Where a spreadsheet writes 1,5 for one and a half, lists are separated by semicolons.
_DECIMAL_COMMA_LANGUAGES = {"nl", "fr", "de", "es", "it", "pt", "da", "sv", "nb", "nn", "no",
                            "fi", "pl", "cs", "sk", "hu", "ro", "tr", "ru", "uk", "el", "bg",
                            "hr", "sl", "sr", "lt", "lv", "et", "id", "vi", "ca", "eu", "gl"}


@dataclass(frozen=True)
class ExportOptions:
    """``paper``: a4 or letter (None: from the locale). ``merge_quotes``: overlapping passages
    of one code by several coders become one quotation naming them all. ``csv_dialect``:
    ``comma`` (comma and decimal point) or ``semicolon`` (semicolon and decimal comma); None:
    from the locale."""

    paper: str | None = None
    merge_quotes: bool = False
    csv_dialect: str | None = None

    def __post_init__(self) -> None:
        if self.csv_dialect is not None and self.csv_dialect not in CSV_DIALECTS:
            raise DomainError(f"A CSV file uses {' or '.join(CSV_DIALECTS)}, "
                              f"not '{self.csv_dialect}'.")

    @property
    def dialect(self) -> str:
        return self.csv_dialect or default_csv_dialect()


def default_csv_dialect(locale_name: str | None = None) -> str:
    """``semicolon`` where the locale writes a decimal comma (nl_BE, fr_FR, de_DE ...)."""
    name = locale_name
    if name is None:
        name = os.environ.get("LC_NUMERIC") or os.environ.get("LC_ALL") or \
            os.environ.get("LANG") or (locale.getlocale()[0] or "")
    language = name.split(".", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return "semicolon" if language in _DECIMAL_COMMA_LANGUAGES else "comma"
