"""Plain text and Markdown: UTF-8 (with or without BOM) and UTF-16 with a BOM."""

from __future__ import annotations

import codecs
from pathlib import Path

from workbench.core.errors import ImportFileError
from workbench.core.importers.extracted import ExtractedText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes into text and the name of the encoding used; never guess silently."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as error:
                raise ImportFileError(
                    f"{name}: starts as {label} but byte {error.start} is not valid {label}."
                ) from None
    if b"\x00" in data:
        raise ImportFileError(f"{name}: is a binary file, not text.")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{name}: is not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8 and "
            "import it again."
        ) from None


def read_plain_text(path: Path) -> ExtractedText:
    text, encoding = decode_text(path.read_bytes(), path.name)
    return ExtractedText(text=text, encoding=encoding, title=path.stem)
