"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252.

The rule for legacy files, so nothing is guessed silently: a file that is not valid UTF-8 is read
as Windows-1252 only when every byte is one that code page defines and no control characters
other than tab, line breaks and form feed occur. The encoding used is recorded on the document
and mentioned in the import's result line; anything else is refused with the offending byte.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from workbench.core.errors import ImportFileError
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.sniff import utf16_without_bom

WINDOWS_1252 = "Windows-1252"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)
# Bytes Windows-1252 leaves undefined, and C0 controls no text file holds.
_NOT_1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d\x00-\x08\x0b\x0e-\x1f\x7f]")


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
        utf16 = utf16_without_bom(data)
        if utf16 is None:
            raise ImportFileError(f"{name}: is a binary file, not text.")
        label = {"utf-16-le": "UTF-16 LE (no BOM)", "utf-16-be": "UTF-16 BE (no BOM)"}[utf16]
        try:
            return data.decode(utf16), label
        except UnicodeDecodeError as error:
            raise ImportFileError(f"{name}: looks like {label} text, but byte {error.start} is "
                                  "not; save it as UTF-8 and import it again.") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        utf8_error = error.start
    odd = _NOT_1252.search(data)
    if odd is None:
        return data.decode("cp1252"), WINDOWS_1252
    raise ImportFileError(
        f"{name}: is neither UTF-8 nor Windows-1252 text (byte {utf8_error} is not UTF-8 and "
        f"byte {odd.start()} is 0x{data[odd.start()]:02X}); save it as UTF-8 and import it again."
    )


def legacy_note(encoding: str) -> list[str]:
    """The remark the import shows when a file was read in a legacy encoding."""
    legacy = encoding == WINDOWS_1252 or encoding.endswith("(no BOM)")
    return [f"read as {encoding}, not UTF-8"] if legacy else []


def read_plain_text(path: Path) -> ExtractedText:
    text, encoding = decode_text(path.read_bytes(), path.name)
    return ExtractedText(text=text, encoding=encoding, title=path.stem, notes=legacy_note(encoding))
