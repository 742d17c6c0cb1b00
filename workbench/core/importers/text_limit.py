"""A limit on the text one imported file may produce, enforced while the file is read.

The size limit on the file itself does not bound its text: a compressed format (.docx, .odt)
may unpack a 36 MB file into a 200 MB ``document.xml``, 179 million characters that took minutes
and gigabytes to import and made every later check slow. Real transcripts are far smaller: a
long interview is some 100,000 characters, so the default of 20 million leaves a wide margin.

Readers learn the limit from :func:`maximum` (``read_source`` sets it for one file) and stop as
soon as they pass it, before the text or a tree of it is held in memory.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO

from lxml import etree

from workbench.core.errors import ImportFileError
from workbench.core.importers.safe_zip import SafeZip

DEFAULT_MAX_CHARACTERS = 20_000_000

_maximum: ContextVar[int] = ContextVar("import_text_limit", default=DEFAULT_MAX_CHARACTERS)


class TooMuchText(ImportFileError):
    """The file holds more text than one document may (the message names no file yet)."""


@contextmanager
def text_limit(characters: int) -> Iterator[None]:
    token = _maximum.set(characters)
    try:
        yield
    finally:
        _maximum.reset(token)


def maximum() -> int:
    return _maximum.get()


def check(characters: int) -> None:
    """Refuse once ``characters`` (the text produced so far) passes the limit."""
    if characters > _maximum.get():
        raise TooMuchText(
            f"holds more than {_maximum.get():,} characters of text, the limit for one "
            "document (split it, or raise the limit with --max-text)")


def check_package_text(package: SafeZip, member: str, text_tag: str | None = None) -> None:
    """Stream ``member`` of a zip package and refuse it once its text passes the limit, before a
    reader builds a tree of all of it (a missing member is left for the reader to report)."""
    if member not in package.names:
        return
    try:
        with package.open(member) as stream:
            check_xml_text(stream, text_tag)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise package.damaged() from None


def check_xml_text(stream: IO[bytes], text_tag: str | None = None) -> None:
    """Count the text in an XML stream (of ``text_tag`` elements only, or all of it), keeping
    none of it in memory, and refuse as soon as it passes the limit."""
    count = 0
    for _event, element in etree.iterparse(stream, events=("end",), resolve_entities=False,
                                           no_network=True, load_dtd=False):
        if text_tag is None or element.tag == text_tag:
            count += len(element.text or "") + (len(element.tail or "") if text_tag is None else 0)
            check(count)
        element.clear(keep_tail=False)
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]  # what has been counted is dropped at once
