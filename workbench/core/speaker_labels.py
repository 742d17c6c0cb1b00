"""What a speaker label looks like at the start of one paragraph (a non-blank line).

Five shapes, from strong to weak evidence (see :mod:`speaker_turns` for how a whole text is
judged from them):

- **inline**: the label opens the paragraph and what is said follows on the same line, after a
  colon (``Interviewer: ...``, ``R1:\\t...``), optionally with a timestamp before or after the
  label (``[00:12:34] Griet: ...``, ``Griet [00:12:34]: ...``); or a bracketed tag
  (``[id1] ...``, ``[R2] ...``);
- **tab**: the label, a tab, what is said (``Griet<TAB>...``); a table row looks the same, so
  this shape counts only when it is consistent on its own;
- **timed**: the label and a timestamp alone on their line, what is said on the next lines, as
  transcription services write it (``Speaker 1  00:03``, ``Griet Peeters 1:02:33``,
  ``Speaker 1 (00:03)``, ``00:00:03 Speaker 1``, ``[00:03] Griet``);
- **cue**: a subtitle-style timing line, the label alone on the next line, what is said below,
  as Microsoft Teams writes its Word transcripts (``0:0:3.120 --> 0:0:5.800`` / ``Griet
  Peeters``); read as a timed label starting at the timing line;
- **bare**: the label alone on its line (``INTERVIEWER``, ``Griet``), what is said below. A
  fieldnote's headings look the same, so this shape needs more evidence before it counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from workbench.core.text import fold

Shape = Literal["inline", "tab", "timed", "bare"]

TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_WORD = r"[^\W_][\w'’.\-]*"
_NAME = rf"{_WORD}(?: +{_WORD}){{0,3}}"
_ROLE = r"(?:[ \t]*\([^()\n:]{1,40}\))?"
_INLINE = re.compile(
    rf"[ \t]*(?:[\[(]?(?P<before>{TIME})[\])]?[ \t]+)?"
    rf"(?P<speaker>{_NAME}{_ROLE})"
    rf"(?:[ \t]*[\[(](?P<after>{TIME})[\])])?"
    rf"(?:[ \t]*(?P<colon>:)(?=[ \t]|$)|\t+(?=\S))"
)
_TAG = re.compile(r"[ \t]*\[(?P<speaker>[^\W_][\w\-]*(?: [^\W_][\w\-]*)?)\][ \t]+(?=\S)")
_TIMED = re.compile(
    rf"[ \t]*(?:[\[(]?(?P<before>{TIME})[\])]?(?:[ \t]+[-–—])?[ \t]+)?"
    rf"(?P<speaker>{_NAME}{_ROLE})"
    rf"(?:[ \t]+(?:[-–—][ \t]+)?[\[(]?(?P<after>{TIME})[\])]?"
    rf"|[ \t]*[\[(](?P<bracketed>{TIME})[\])])?"
    rf"[ \t]*:?[ \t]*$"
)
_CUE_TIMING = re.compile(r"[ \t]*(?P<stamp>\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?)[ \t]*-->"
                         r"[ \t]*\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?[ \t]*")
_LONGEST_LINE = 100  # a label (at most 60 characters) with its time fits; prose lines are longer
_PARTICLES = frozenset("van de der den het 't ter ten te op in von zu di da du des la le el al "
                       "bin ben ibn y e".split())
PROSE_LABELS = frozenset(fold(word) for word in """
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
    inleiding introduction intro beschrijving description interpretatie interpretation analyse
    analysis methode method resultaten results discussie discussion vragen questions vraag
    question antwoord answer observaties observations notities bevindingen findings achtergrond
    background situatie situation ochtend voormiddag middag namiddag avond morning afternoon
    evening night nacht maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday
    wednesday thursday friday saturday sunday hoofdstuk chapter deel part sectie section bijlagen
    appendix inhoud contents
    lacht lachen gelach laughs laughter laughing stilte silence pauze pause onverstaanbaar
    inaudible unclear crosstalk onduidelijk zucht sighs
    foto photo kaart map figuur figure tabel table afbeelding image beeld audio video link url
    citaat quote music muziek musique applause applaus applaudissements
""".split())


class Label(NamedTuple):
    paragraph: int  # where the paragraph starts (leading blanks included)
    end: int  # just after the label (and its colon, tab or line)
    speaker: str  # whitespace collapsed
    stamp: str  # the timestamp as written, or ""
    shape: Shape


def find_label(text: str, start: int, end: int) -> Label | None:
    """The label opening the paragraph ``text[start:end]`` (one line), if it has one."""
    inline = _INLINE.match(text, start, end)
    if inline is not None and not is_speaker(inline.group("speaker")):
        inline = None
    if inline is not None and inline.group("colon"):
        return _label(inline, start, "inline")
    tag = _TAG.match(text, start, end)
    if tag is not None and _is_tag(tag.group("speaker")):
        return Label(start, tag.end(), tag.group("speaker"), "", "inline")
    alone = _TIMED.fullmatch(text, start, end) if end - start <= _LONGEST_LINE else None
    if alone is not None and not is_speaker(alone.group("speaker")):
        alone = None
    timed = alone is not None and any(alone.group(g) for g in ("before", "after", "bracketed"))
    if alone is not None and timed:
        return _label(alone, start, "timed")
    if inline is not None:
        return _label(inline, start, "tab")
    if alone is not None and not text[alone.start("speaker"):end].rstrip().endswith((".", ":")):
        return _label(alone, start, "bare")
    return None


def cue_timing(text: str, start: int, end: int) -> str:
    """The start time of a timing line (``0:0:3.120 --> 0:0:5.800``) alone on its line, or ""."""
    match = _CUE_TIMING.fullmatch(text, start, end)
    return match.group("stamp") if match is not None else ""


def _label(match: re.Match[str], start: int, shape: Shape) -> Label:
    groups = match.groupdict()
    stamp = groups["before"] or groups["after"] or groups.get("bracketed") or ""
    return Label(start, match.end(), " ".join(match.group("speaker").split()), stamp, shape)


@lru_cache(maxsize=4096)  # a transcript repeats its few labels many times
def is_speaker(label: str) -> bool:
    """One to four words, each capitalised (or a number or a name particle), not prose."""
    words = label.split("(")[0].split()
    if not words or not words[0][0].isupper() or len(label) > 60:
        return False
    if fold(words[0]) in PROSE_LABELS or fold(" ".join(words)) in PROSE_LABELS:
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _PARTICLES
               for word in words[1:])


@lru_cache(maxsize=1024)
def _is_tag(tag: str) -> bool:
    """``[id1]``, ``[R2]``, ``[Griet]``: capitalised or numbered, never an annotation."""
    if fold(tag) in PROSE_LABELS or fold(tag.split()[0]) in PROSE_LABELS:
        return False
    return tag[0].isupper() or any(ch.isdigit() for ch in tag)
