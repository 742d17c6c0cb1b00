"""Cues of WebVTT (.vtt) and SubRip (.srt) files, as video-call and transcription services and
speech-to-text tools write them (Zoom, Teams, Google Meet, YouTube, Whisper, Otter).

Both formats are blocks separated by blank lines; a cue block holds an optional identifier (the
SRT counter), a timing line ``start --> end [settings]`` and the cue's text. ``NOTE``, ``STYLE``
and ``REGION`` blocks and the ``WEBVTT`` header are skipped. From the text, styling tags
(``<i>``, ``<c.yellow>``, ``<00:00:01.000>``, ``<font>``, ``{\\an8}``) are stripped and entities
decoded; the speaker is taken from a ``<v Name>`` voice span or a ``Name:`` / ``[Name]:`` prefix.

A prefix can also be a sentence (``Kijk: ...``) or a sound (``[Music] ...``) in a file that names
no speakers, so prefixes are trusted only when they behave like speaker names: when a quarter of
the cues or more have one, or else when two or more names each open at least two cues.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from workbench.core.speaker_labels import PROSE_LABELS, is_speaker
from workbench.core.speaker_turns import milliseconds
from workbench.core.text import fold

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"(?P<start>{_STAMP})[ \t]+-->[ \t]+(?P<end>{_STAMP})")
_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")
_VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+(?P<name>[^>]+)>")
_TAGS = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")
_PREFIX = re.compile(r"(?:-[ \t]+)?(?:\[(?P<tag>[^\]\n]{1,40})\]:?|(?P<name>[^:\n]{1,40}):)"
                     r"[ \t]+(?=\S)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Cue:
    milliseconds: int  # when it starts
    end: int  # when it ends (milliseconds)
    speaker: str  # "" when the cue does not say
    text: str  # one line, NFC, tags stripped
    prefixed: str = ""  # the text with its ``Name:`` prefix, when the speaker came from one
    change: bool = False  # ``>>``: someone else speaks now, unnamed


def read_cues(text: str) -> list[Cue]:
    """The cues of a WebVTT or SubRip text (line ends and a BOM already normalised)."""
    cues: list[Cue] = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\ufeff\n")):
        lines = block.strip("\n").split("\n")
        if not lines or lines[0].strip().startswith(_SKIPPED_BLOCKS):
            continue
        timing = next((n for n, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue
        match = _TIMING.search(lines[timing])
        if match is None:
            continue
        cue = _cue(milliseconds(match.group("start")), milliseconds(match.group("end")),
                   lines[timing + 1:])
        if cue is not None:
            cues.append(cue)
    return _trusted(cues)


def _trusted(cues: list[Cue]) -> list[Cue]:
    """Cues whose prefix does not behave like a speaker's name get it back as text."""
    prefixed = Counter(cue.speaker for cue in cues if cue.prefixed)
    if sum(prefixed.values()) * 4 >= len(cues):
        names = set(prefixed)
    else:
        names = {name for name, count in prefixed.items() if count >= 2}
        names = names if len(names) >= 2 else set()
    return [cue if not cue.prefixed or cue.speaker in names
            else replace(cue, speaker="", text=cue.prefixed, prefixed="") for cue in cues]


def _cue(start: int, end: int, lines: list[str]) -> Cue | None:
    raw = " ".join(line.strip() for line in lines if line.strip())
    speaker = ""
    voice = _VOICE.search(raw)
    if voice is not None:
        speaker = " ".join(voice.group("name").split())
    said = _SPACES.sub(" ", html.unescape(_TAGS.sub("", raw))).strip()
    said = unicodedata.normalize("NFC", said.replace("\u200e", "").replace("\u200f", ""))
    change = said.startswith(">>")  # captions mark a new, unnamed speaker so
    said = whole = said.removeprefix(">>").strip()
    if not speaker:
        speaker, said = _prefix(said)
    if not said:
        return None
    return Cue(start, end, speaker, said, whole if speaker and not voice else "", change)


def _prefix(said: str) -> tuple[str, str]:
    """``Griet Peeters: text`` / ``[SPEAKER_00]: text``: (speaker, text)."""
    match = _PREFIX.match(said)
    if match is None:
        return "", said
    if match.group("tag") is not None:
        tag = match.group("tag").strip()
        if (tag[:1].isupper() or any(ch.isdigit() for ch in tag)) and (
                fold(tag) not in PROSE_LABELS):
            return tag, said[match.end():]
    elif is_speaker(match.group("name").strip()):
        return " ".join(match.group("name").split()), said[match.end():]
    return "", said

