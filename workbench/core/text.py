"""Text as stored: NFC, ``\\n`` line ends, positions in Unicode code points."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_LINE_ENDS = re.compile(r"\r\n?")


def normalise_text(text: str) -> str:
    """Return the text as the project stores it: no BOM, NFC, ``\\n`` line ends."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", _LINE_ENDS.sub("\n", text))


def content_hash(text: str) -> str:
    """SHA-256 of the stored (normalised) text; the same content gives the same hash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Number of words, counting hyphenated and apostrophe words (``dag-en-nacht``) once."""
    return len(_WORD.findall(text))


def fold(name: str) -> str:
    """Case- and accent-insensitive form of a name, for matching what a user typed."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


# C0 and C1 control characters but tab and newline (and DEL): harmless in a text, never in a
# name. They arrive from file names and pasted text; Excel and Word files cannot hold most of
# them, and a terminal obeys them (ESC starts a command).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with each control character shown as an escape (``\\x1b``), safe to print."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def clean_name(name: str) -> str:
    """A name as stored: NFC, inner whitespace collapsed, no leading or trailing blanks.

    A name holding a control character is refused (a :class:`DomainError` showing where).
    """
    if CONTROL.search(name.replace("\t", " ").replace("\n", " ").replace("\r", " ")):
        from workbench.core.errors import DomainError

        raise DomainError(f"The name '{visible(name)}' holds a control character; names "
                          "cannot hold them (they break exports and terminals).")
    return " ".join(unicodedata.normalize("NFC", name).split())


def without_control(name: str) -> str:
    """``name`` with its control characters removed, for names taken from files."""
    return CONTROL.sub("", name)



def paragraph_starts(text: str) -> list[int]:
    """Code-point offsets where each paragraph begins: a paragraph is a non-empty line.

    References cite paragraphs by this count (blank separator lines are not counted).
    """
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts


def paragraph_number(starts: list[int], position: int) -> int:
    """1-based number of the paragraph holding ``position`` (0 before the first paragraph)."""
    return bisect_right(starts, position)
