"""What a reader gets out of a source file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ExtractedText:
    text: str
    encoding: str = ""
    title: str = ""
    recorded_on: date | None = None
    interviewer: str = ""
    participants: list[str] = field(default_factory=list)
