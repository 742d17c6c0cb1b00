"""What a reader gets out of a source file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ExtractedText:
    """The text as the researcher sees it, with what the file itself says about it.

    ``notes`` are short remarks the import reports beside the file's result line (for example
    which legacy encoding was used), so nothing a reader decided on its own goes unmentioned.
    """

    text: str
    encoding: str = ""
    title: str = ""
    recorded_on: date | None = None
    interviewer: str = ""
    participants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text), in order
