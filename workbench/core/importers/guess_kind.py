"""A first guess at what a file is (interview transcript, fieldnote or other), and its date.

The import dialog shows the guess per file, and the researcher corrects it before importing.
The file's name speaks first, because researchers name their files for what they are
(``veldnotitie zaterdag.docx``, ``Interview 3 - Griet.docx``); then the content: speaker turns
make a transcript, and a text opening with the labels fieldnotes use (``Datum:``, ``Plaats:``,
``Observatie``) a fieldnote. Anything else is "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.importers.registry import read_source
from workbench.core.model import DocumentKind
from workbench.core.speaker_turns import detect_turns
from workbench.core.text import fold

_FIELDNOTE_WORDS = ("veldnotitie", "veldnota", "fieldnote", "field note", "field-note",
                    "observatie", "observation", "notitie", "notes", "logboek", "dagboek",
                    "journal")
_INTERVIEW_WORDS = ("interview", "transcript", "gesprek", "focusgroep", "focus group",
                    "focus-group", "focusgroup", "entretien", "entrevista")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])"
                       r"(?!\d)")
_OPENING_LINES = 12

_FIELDNOTE_HEADS = frozenset(fold(word) for word in (
    "datum", "date", "plaats", "place", "locatie", "location", "lieu", "aanwezig", "aanwezigen",
    "observatie", "observation", "observaties", "observations", "reflectie", "reflection",
    "veldnotitie", "fieldnote", "setting", "context", "tijd", "time",
))


@dataclass(frozen=True)
class KindGuess:
    kind: DocumentKind
    reason: str  # finishes "guessed from ...", e.g. "its name (veldnotitie)"


def guess_from_name(name: str) -> KindGuess | None:
    """The kind a file's name suggests, or ``None`` when the name says nothing about it."""
    folded = fold(Path(name).stem).replace("_", " ")  # "field_note" reads as "field note"
    for words, kind in ((_FIELDNOTE_WORDS, DocumentKind.FIELDNOTE),
                        (_INTERVIEW_WORDS, DocumentKind.INTERVIEW)):
        found = next((word for word in words if word in folded), None)
        if found is not None:
            return KindGuess(kind, f"its name ({found})")
    return None


def guess_from_text(text: str) -> KindGuess:
    """The kind a text suggests: speaker turns, a fieldnote's opening labels, or neither."""
    if detect_turns(text):
        return KindGuess(DocumentKind.INTERVIEW, "its speaker turns")
    for line in [line.strip() for line in text.splitlines() if line.strip()][:_OPENING_LINES]:
        head = fold(re.split(r"[:\s]", line, maxsplit=1)[0].strip(" .-–—"))
        if head in _FIELDNOTE_HEADS:
            return KindGuess(DocumentKind.FIELDNOTE, f"its text ({head})")
    return KindGuess(DocumentKind.OTHER, "nothing in its name or text")


def date_from_name(name: str) -> date | None:
    """A date written in the file's name (``2015-03-14``, ``20150314``), if any."""
    match = _ISO_DATE.search(Path(name).stem)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def guess_kind(path: Path) -> KindGuess:
    """The kind of the file at ``path``: from its name, else from its text (read here).

    A file that cannot be read is guessed "other"; the import says what is wrong with it.
    """
    named = guess_from_name(path.name)
    if named is not None:
        return named
    try:
        text = read_source(path).text
    except WorkbenchError:
        return KindGuess(DocumentKind.OTHER, "nothing (the file cannot be read)")
    return guess_from_text(text)
