"""Speaker turns in a transcript: who speaks where, and when (if timestamps are given).

Works on the stored text (NFC, ``\\n``), one paragraph (a non-blank line) at a time. A paragraph
opens a turn when it starts with a label and a colon, optionally with a timestamp before the
label or in brackets after it:

    Interviewer: ...      I: ...      R1: ...      Griet: ...      Mevrouw De Smet: ...
    [00:12:34] Griet: ...      (12:34) R2: ...      00:12:34 I: ...      Griet [00:12:34]: ...

A label is one to four words, the first starting with a capital (``R1``, ``Speaker 2``,
``Jan van den Berg``), optionally followed by a short role in brackets.

A turn's ``start``/``end`` (code points, half-open) cover what is said: from just after the
label's colon to the end of the last paragraph before the next turn, so an answer of several
paragraphs is one turn. ``label_start`` is where the paragraph (timestamp or label) begins.

To keep prose out, labels that are common in fieldnotes (``Opmerking:``, ``Datum:``, ``Note:``)
never count, and a text counts as a transcript only when the pattern is consistent: at least two
turns by at least two speakers, someone speaking more than once unless the labelled paragraphs
are all there is, and labelled paragraphs making up at least a quarter of the paragraphs from the
first turn on. Otherwise no turns are recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.text import fold

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_WORD = r"[^\W_][\w'’.\-]*"
_LABEL = re.compile(
    rf"[ \t]*(?:[\[(]?(?P<before>{_TIME})[\])]?[ \t]+)?"
    rf"(?P<speaker>{_WORD}(?:[ \t]{_WORD}){{0,3}}(?:[ \t]*\([^()\n:]{{1,40}}\))?)"
    rf"(?:[ \t]*[\[(](?P<after>{_TIME})[\])])?"
    rf"[ \t]*:(?=[ \t]|$)",
    re.MULTILINE,
)
_PARTICLES = frozenset("van de der den het 't ter ten te op in von zu di da du des la le el al "
                       "bin ben ibn y e".split())
_PROSE_LABELS = frozenset(fold(word) for word in """
    opmerking opmerkingen noot nb n.b. note notes remark remarks remarque reflectie reflection
    réflexion datum date tijd time heure tijdstip plaats place lieu locatie location setting
    aanwezig aanwezigen present présents deelnemers participants onderwerp subject sujet objet
    context contexte samenvatting summary résumé conclusie conclusion titel title titre bron
    source duur duration durée thema theme thème memo observatie observation transcript
    transcriptie interview veldnotitie fieldnote fieldnotes agenda actie action besluit decision
    ps p.s. tip voorbeeld example exemple zie see bijlage annex doel goal naam name nom functie
    function fonction organisatie organisation organization leeftijd age âge geslacht gender
    sexe beroep occupation profession adres address adresse email e-mail tel telefoon phone
    waarom why pourquoi hoe how comment wat what quoi vb bv nota
""".split())


@dataclass(frozen=True)
class Turn:
    speaker: str
    label_start: int
    start: int
    end: int
    timestamp: str = ""
    milliseconds: int | None = None


def detect_turns(text: str) -> list[Turn]:
    """The speaker turns of a transcript, or ``[]`` when the text is not consistently one."""
    found, paragraphs = _labelled_paragraphs(text)
    if not _consistent(found, paragraphs):
        return []
    turns = []
    for number, match in enumerate(found):
        following = found[number + 1].start() if number + 1 < len(found) else len(text)
        end = match.end() + len(text[match.end():following].rstrip())
        start = min(match.end() + _leading_blank(text, match.end(), end), end)
        stamp = match.group("before") or match.group("after") or ""
        turns.append(Turn(speaker=" ".join(match.group("speaker").split()),
                          label_start=match.start() + _leading_blank(text, match.start(), end),
                          start=start, end=end, timestamp=stamp,
                          milliseconds=milliseconds(stamp) if stamp else None))
    return turns


def milliseconds(stamp: str) -> int:
    """``01:02:03.5`` / ``12:34`` (minutes and seconds) as milliseconds."""
    whole, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(part) for part in whole.split(":")]
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int((fraction + "000")[:3])


@lru_cache(maxsize=4096)  # a transcript repeats its few labels many times
def _is_speaker(label: str) -> bool:
    words = label.split("(")[0].split()
    if not words or not words[0][0].isupper() or len(label) > 60:
        return False
    if fold(words[0]) in _PROSE_LABELS or fold(" ".join(words)) in _PROSE_LABELS:
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _PARTICLES
               for word in words[1:])


def _labelled_paragraphs(text: str) -> tuple[list[re.Match[str]], list[int]]:
    """Label matches at the start of paragraphs, and where every paragraph starts."""
    found, paragraphs = [], []
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if not text[position:end].isspace() and position < end:
            paragraphs.append(position)
            match = _LABEL.match(text, position, end)
            if match is not None and _is_speaker(match.group("speaker")):
                found.append(match)
        position = end + 1
    return found, paragraphs


def _consistent(found: list[re.Match[str]], paragraphs: list[int]) -> bool:
    speakers = Counter(" ".join(match.group("speaker").split()) for match in found)
    if len(found) < 2 or len(speakers) < 2:
        return False
    following = sum(1 for start in paragraphs if start >= found[0].start())
    if max(speakers.values()) < 2 and following > len(found):
        return False
    return len(found) >= 0.25 * following


def _leading_blank(text: str, position: int, limit: int) -> int:
    """How many whitespace characters start at ``position`` (never past ``limit``)."""
    count = 0
    while position + count < limit and text[position + count].isspace():
        count += 1
    return count
