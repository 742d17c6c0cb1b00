"""What an action did, in one status-bar sentence in the interface language.

The core describes each action in English (the command line prints that); the window says it
in English with the core's own words, and in another language from the change record itself
(what was added, changed and removed, with Qt's plural forms).
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.core.services.changes import Changes
from workbench.gui.i18n import current_language, tr

# How many of one kind, e.g. "3 coderingen" (the words are in the translation files).
_COUNTED: dict[str, Callable[[int], str]] = {
    "coding": lambda n: tr("%n coding(s)", "", n),
    "code": lambda n: tr("%n code(s)", "", n),
    "case": lambda n: tr("%n case(s)", "", n),
    "document": lambda n: tr("%n document(s)", "", n),
    "memo": lambda n: tr("%n memo(s)", "", n),
    "attribute": lambda n: tr("%n attribute(s)", "", n),
    "summary": lambda n: tr("%n summary(-ies)", "", n),
    "coder": lambda n: tr("%n coder(s)", "", n),
}


def counted(kind: str, n: int) -> str:
    """``3 codings`` for an entity kind of the change record, in the interface language."""
    return _COUNTED[kind](n) if kind in _COUNTED else f"{n} {kind}"


def _counts(changes: Changes, group: str) -> str:
    kinds = sorted({ref.kind for ref in getattr(changes, group)} & set(_COUNTED))
    return ", ".join(_COUNTED[kind](changes.count(kind, group)) for kind in kinds)


def change_summary(changes: Changes, language: str | None = None) -> str:
    """``Renamed case 'X' to 'Y'. Ctrl+Z undoes it.`` (English) or the counted form."""
    if (language or current_language()) == "en" and changes.message:
        return tr("{0} Ctrl+Z undoes it.").format(changes.message.rstrip(".") + ".")
    parts = []
    for group, sentence in (("created", tr("Added: {0}.")), ("updated", tr("Changed: {0}.")),
                            ("deleted", tr("Removed: {0}."))):
        counted = _counts(changes, group)
        if counted:
            parts.append(sentence.format(counted))
    if not parts:
        return ""
    return tr("{0} Ctrl+Z undoes it.").format(" ".join(parts))
