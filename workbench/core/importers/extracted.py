"""What a reader gets out of a source file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.core.speaker_turns import Turn


@dataclass
class ExtractedText:
    """The text as the researcher sees it, with what the file itself says about it.

    ``notes`` are short remarks the import reports beside the file's result line (for example
    which legacy encoding was used), so nothing a reader decided on its own goes unmentioned.
    ``turns`` are the speaker turns the file's own structure gives (subtitle cues), stored as
    they are; ``None`` leaves them to be found in the text.
    ``record`` is the one remark kept with the document itself (what a reader left out of the
    text, such as a PDF's page numbers), stored as the document's import memo.
    """

    text: str
    encoding: str = ""
    title: str = ""
    recorded_on: date | None = None
    interviewer: str = ""
    participants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    turns: list[Turn] | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text), in order
    record: str = ""
