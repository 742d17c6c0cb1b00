"""Opening ZIP-based documents (.docx, .odt) we did not write, within firm limits.

A document is refused before any part is parsed when it has too many entries, would unpack to
too much data, compresses one entry suspiciously well (a zip bomb), is encrypted, or carries an
XML part with a document type declaration (the road to entity bombs and external entities).
Python's zipfile never inflates an entry past the size its directory declares, so checking the
declared sizes bounds the memory any later reader (python-docx included) can use.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from workbench.core.errors import ImportFileError

MAX_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_FROM = 1024 * 1024  # small entries may compress very well without harm
XML_SUFFIXES = (".xml", ".rels", ".vml")
PROLOG_CHUNK = 2048
MAX_PROLOG_BYTES = 1024 * 1024
_SKIPPABLE = re.compile(r"<!--.*?-->|<\?.*?\?>", re.DOTALL)  # comments and processing instructions
_ROOT_START = re.compile(r"<[^?!\s]")  # the first tag that is no declaration


@dataclass(frozen=True)
class ZipLimits:
    entries: int = MAX_ENTRIES
    unpacked_bytes: int = MAX_UNPACKED_BYTES
    ratio: int = MAX_RATIO


class SafeZip:
    """A checked archive; :meth:`read` returns a member's bytes or raises a clear error."""

    def __init__(self, data: bytes, name: str, label: str, limits: ZipLimits = ZipLimits()) -> None:
        self.name = name
        self.label = label
        self._data = data
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise self.damaged() from None
        self._check(limits)

    @property
    def names(self) -> set[str]:
        return set(self._archive.namelist())

    def stream(self) -> io.BytesIO:
        """The whole archive again, for a library that opens the package itself."""
        return io.BytesIO(self._data)

    def read(self, member: str) -> bytes:
        try:
            return self._archive.read(member)
        except KeyError:
            raise ImportFileError(
                f"{self.name}: is damaged or incomplete ({self.label} without its '{member}')."
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise self.damaged() from None

    def open(self, member: str) -> IO[bytes]:
        """A member as a stream, inflated as it is read (for readers that must not hold it)."""
        try:
            return self._archive.open(member)
        except KeyError:
            raise ImportFileError(
                f"{self.name}: is damaged or incomplete ({self.label} without its '{member}')."
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise self.damaged() from None

    def check_xml_parts(self) -> None:
        """Refuse the document if any XML part declares a DOCTYPE (and so entities).

        A declaration can only stand in the prolog, before the root element, so only the start
        of each part is inflated.
        """
        for info in self._archive.infolist():
            if info.filename.lower().endswith(XML_SUFFIXES) and self._declares(info):
                raise ImportFileError(
                    f"{self.name}: is refused for safety: its part '{info.filename}' declares "
                    "a document type or entities, which a normal document never does."
                )

    def _declares(self, info: zipfile.ZipInfo) -> bool:
        try:
            with self._archive.open(info) as member:
                prolog = b""
                while len(prolog) < MAX_PROLOG_BYTES:
                    # doubling what is read keeps the rescans linear: 1 MB of comments
                    # took seconds per part when read 2 KB at a time
                    chunk = member.read(max(PROLOG_CHUNK, len(prolog)))
                    prolog += chunk
                    text = _SKIPPABLE.sub("", _as_text(prolog))
                    root = _ROOT_START.search(text)
                    if "<!--" in text[: root.start() if root else len(text)]:
                        root = None  # a comment still open: read on
                    if root is not None or not chunk:
                        head = text[: root.start()] if root else text
                        return "<!DOCTYPE" in head or "<!ENTITY" in head
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise self.damaged() from None
        return True  # a prolog this long is no normal document part

    def damaged(self) -> ImportFileError:
        return ImportFileError(
            f"{self.name}: is damaged or incomplete (it cannot be opened as {self.label})."
        )

    def _check(self, limits: ZipLimits) -> None:
        infos = self._archive.infolist()
        if len(infos) > limits.entries:
            raise ImportFileError(f"{self.name}: is refused for safety: it packs {len(infos):,} "
                                  f"parts (the limit is {limits.entries:,}).")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise ImportFileError(f"{self.name}: is password-protected; remove the password "
                                      "and import it again.")
            total += info.file_size
            if (info.file_size > RATIO_CHECK_FROM
                    and info.file_size > limits.ratio * max(info.compress_size, 1)):
                raise ImportFileError(
                    f"{self.name}: is refused for safety: its part '{info.filename}' unpacks "
                    f"{info.file_size // max(info.compress_size, 1):,} times larger than it is "
                    "stored (a zip bomb?)."
                )
        if total > limits.unpacked_bytes:
            raise ImportFileError(
                f"{self.name}: is refused for safety: it would unpack to {total / 1048576:,.0f} MB "
                f"(the limit is {limits.unpacked_bytes / 1048576:,.0f} MB)."
            )


def _as_text(data: bytes) -> str:
    """The start of an XML part as text, in UTF-16 when it has that byte order mark."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[: len(data) - len(data) % 2].decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")
