"""Code names as the interface language wants them.

The built-in codebooks name each code in English with its Dutch term in brackets
("Shared struggle (gedeelde strijd)"). In a Dutch interface the Dutch term comes first
("Gedeelde strijd (shared struggle)"); stored names never change, only what is shown.
"""

from __future__ import annotations

import re

from workbench.gui.i18n import current_language

_BILINGUAL = re.compile(r"^(?P<english>[^()]+?)\s*\((?P<dutch>[^()]+)\)$")


def dutch_first(name: str) -> str:
    """``Shared struggle (gedeelde strijd)`` -> ``Gedeelde strijd (shared struggle)``."""
    match = _BILINGUAL.match(name.strip())
    if match is None:
        return name
    english, dutch = match.group("english"), match.group("dutch")
    return f"{dutch[:1].upper()}{dutch[1:]} ({english[:1].lower()}{english[1:]})"


def shown_name(name: str, language: str | None = None) -> str:
    """The name to show for a code in ``language`` (default: the interface's)."""
    return dutch_first(name) if (language or current_language()) == "nl" else name


def shown_path(path: str, separator: str = "/", language: str | None = None) -> str:
    return separator.join(shown_name(part, language) for part in path.split(separator))
