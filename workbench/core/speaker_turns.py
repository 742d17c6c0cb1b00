"""Speaker turns in a transcript: who speaks where, and when (if timestamps are given).

The one rule for turns: the import stores what it finds here, and the document view, references
and autocoding use only those stored turns. It works on the stored text (NFC, ``\\n``), one
paragraph (a non-blank line) at a time; :mod:`speaker_labels` says which paragraphs open with a
label (inline ``Griet: ...``, ``[id1] ...``, a label and a tab; a label and a timestamp alone on
their line; or a label alone on its line).

A turn's ``start``/``end`` (code points, half-open) cover what is said: from just after the
label to the end of the last paragraph before the next turn, so an answer of several paragraphs
is one turn. ``label_start`` is where the label's paragraph (timestamp or label) begins.

To keep prose out, labels common in fieldnotes (``Opmerking:``, ``Datum:``, ``Note:``) never
count, and a text counts as a transcript only when the pattern is consistent: at least two turns
by at least two speakers, someone speaking more than once unless the labelled paragraphs are all
there is, and labelled paragraphs making up at least a quarter of the paragraphs from the first
turn on. Shapes are tried in turn, each on its own:

1. labels with a colon or a timestamp (the strong shapes);
2. labels followed by a tab, when what follows reads as speech (a table row looks the same);
3. labels alone on their line (``INTERVIEWER``), which look just like headings: they count only
   when they recur, each label used at least twice, at least two of them, and the speaker
   changing at least at every other label line (a fieldnote's headings rarely recur, and when
   they do, they rarely alternate like speakers). Among recurring labels in capitals, a capitals
   label used once (someone who speaks once) is kept too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workbench.core.speaker_labels import Label, cue_timing, find_label


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
    labels, paragraphs = _labelled_paragraphs(text)
    for found in ([label for label in labels if label.shape in ("inline", "timed")],
                  _spoken_after_tabs(text, [label for label in labels if label.shape == "tab"]),
                  _recurring([label for label in labels if label.shape == "bare"])):
        if _consistent(found, paragraphs):
            return _turns(text, found)
    return []


def _turns(text: str, found: list[Label]) -> list[Turn]:
    turns = []
    for number, label in enumerate(found):
        following = found[number + 1].paragraph if number + 1 < len(found) else len(text)
        end = label.end + len(text[label.end:following].rstrip())
        start = min(label.end + _leading_blank(text, label.end, end), end)
        turns.append(Turn(speaker=label.speaker,
                          label_start=label.paragraph + _leading_blank(text, label.paragraph, end),
                          start=start, end=end, timestamp=label.stamp,
                          milliseconds=milliseconds(label.stamp) if label.stamp else None))
    return turns


def milliseconds(stamp: str) -> int:
    """``01:02:03.5`` / ``12:34`` (minutes and seconds) as milliseconds."""
    whole, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(part) for part in whole.split(":")]
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int((fraction + "000")[:3])


def _labelled_paragraphs(text: str) -> tuple[list[Label], list[int]]:
    """Label candidates at the start of paragraphs, and where every paragraph starts.

    A paragraph right after a label line (timed or bare) is what is said, never a label itself,
    so a one-word answer (``Ja``) is not taken for a name.
    """
    found: list[Label] = []
    paragraphs: list[int] = []
    position, after_label_line, timing = 0, False, (0, "")
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if position < end and not text[position:end].isspace():
            paragraphs.append(position)
            label = None if after_label_line else find_label(text, position, end)
            if label is not None and label.shape == "bare" and timing[1]:
                label = label._replace(paragraph=timing[0], stamp=timing[1], shape="timed")
            if label is not None:
                found.append(label)
            after_label_line = label is not None and label.end >= end
            timing = (position, cue_timing(text, position, end))
        position = end + 1
    if found and found[-1].shape == "bare" and found[-1].end >= len(text.rstrip()):
        found.pop()  # a label line with nothing said after it is a closing line, not a turn
    return found, paragraphs


def _spoken_after_tabs(text: str, labels: list[Label]) -> list[Label]:
    """Tab labels, when what follows them reads as speech: at least half of the lines after
    the tab end a sentence (``.?!…``), where a table's cells (``bewoonster``) rarely do."""
    def line_after(label: Label) -> str:
        end = text.find("\n", label.end)
        return text[label.end:end if end >= 0 else len(text)].rstrip()

    said = [line_after(label) for label in labels]
    if any("\t" in line for line in said):
        return []  # three or more columns: a table
    sentences = sum(1 for line in said if line.endswith((".", "?", "!", "…", '"', "”")))
    return labels if sentences * 2 >= len(labels) else []


def _recurring(labels: list[Label]) -> list[Label]:
    """Bare labels that behave like speakers: recurring and alternating (see the module doc)."""
    counts = Counter(label.speaker for label in labels)
    recurring = {speaker for speaker, count in counts.items() if count >= 2}
    if len(recurring) < 2:
        return []
    capitals = all(speaker.isupper() for speaker in recurring)
    kept = [label for label in labels
            if label.speaker in recurring or (capitals and label.speaker.isupper())]
    changes = sum(1 for one, two in zip(kept, kept[1:], strict=False) if one.speaker != two.speaker)
    return kept if changes * 2 >= len(kept) - 1 else []


def _consistent(found: list[Label], paragraphs: list[int]) -> bool:
    speakers = Counter(label.speaker for label in found)
    if len(found) < 2 or len(speakers) < 2:
        return False
    following = sum(1 for start in paragraphs if start >= found[0].paragraph)
    if max(speakers.values()) < 2 and following > len(found):
        return False
    return len(found) >= 0.25 * following


def _leading_blank(text: str, position: int, limit: int) -> int:
    """How many whitespace characters start at ``position`` (never past ``limit``)."""
    count = 0
    while position + count < limit and text[position + count].isspace():
        count += 1
    return count
