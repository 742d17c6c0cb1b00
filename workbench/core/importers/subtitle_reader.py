"""Subtitle files (WebVTT, SubRip) as a transcript: one paragraph per speaker turn.

Cues of one speaker in a row are merged into one turn, written ``[00:14:05] Zoë: ...`` (the
shape :mod:`speaker_turns` reads, so the text says who speaks when, and a later re-import of the
stored text finds the same turns). The turns go to the store as they are, with each turn's start
time in milliseconds, rather than being detected again: a recording with one named speaker is
still one turn per stretch of speech. Cues that name no speaker continue the current speaker's
turn, unless they open with ``>>`` (captions' mark for a new, unnamed speaker); before anyone is
named, or in a file naming nobody (Whisper, YouTube), cues are joined into paragraphs that break
at a pause of two seconds or more or at a ``>>``, each opening with its time.

Automatic captions repeat the previous cue's last line at the start of the next one (rolling
captions); such a repeated line is read once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.core.errors import ImportFileError
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.plain_text import decode_text, legacy_note
from workbench.core.importers.subtitle_cues import Cue, read_cues
from workbench.core.speaker_turns import Turn
from workbench.core.text import normalise_text

PAUSE_MS = 2000


def read_subtitles(path: Path) -> ExtractedText:
    text, encoding = decode_text(path.read_bytes(), path.name)
    cues = _without_repeats(read_cues(normalise_text(text)))
    if not cues:
        raise ImportFileError(f"{path.name}: holds no subtitle cues with text.")
    stored, turns = transcript(cues)
    notes = legacy_note(encoding) + [f"{len(cues)} cues read"]
    return ExtractedText(text=stored, encoding=encoding, title=path.stem, notes=notes,
                         turns=turns, participants=_speakers(turns))


def transcript(cues: list[Cue]) -> tuple[str, list[Turn]]:
    """The text, a paragraph per turn (or per stretch without a speaker), and its turns."""
    groups: list[tuple[str, int, list[str]]] = []  # speaker, start, texts
    previous_end = -PAUSE_MS
    for cue in cues:
        speaker = cue.speaker or (groups[-1][0] if groups and not cue.change else "")
        same = bool(groups) and groups[-1][0] == speaker and not cue.change and bool(
            speaker or cue.milliseconds - previous_end < PAUSE_MS)
        previous_end = cue.end
        if same:
            groups[-1][2].append(cue.text)
        else:
            groups.append((speaker, cue.milliseconds, [cue.text]))
    paragraphs: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for speaker, start, texts in groups:
        stamp = clock(start)
        label = f"[{stamp}] {speaker}: " if speaker else f"[{stamp}] "
        said = " ".join(texts)
        if speaker:
            turns.append(Turn(speaker, offset, offset + len(label),
                              offset + len(label) + len(said), stamp, start))
        paragraphs.append(label + said)
        offset += len(label) + len(said) + 2
    return "\n\n".join(paragraphs), turns


def clock(milliseconds: int) -> str:
    """``00:14:05``: hours, minutes and whole seconds."""
    seconds = milliseconds // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _without_repeats(cues: list[Cue]) -> list[Cue]:
    """Cues with the words they repeat from the cue before left out (three words or more)."""
    kept: list[Cue] = []
    for cue in cues:
        words = cue.text.split(" ")
        if kept and kept[-1].speaker == cue.speaker and not cue.change:
            before = kept[-1].text.split(" ")
            overlap = next((size for size in range(min(len(before), len(words)), 2, -1)
                            if before[-size:] == words[:size]), 0)
            words = words[overlap:]
        if words:
            kept.append(replace(cue, text=" ".join(words)))
    return kept


def _speakers(turns: list[Turn]) -> list[str]:
    return list(dict.fromkeys(turn.speaker for turn in turns))
