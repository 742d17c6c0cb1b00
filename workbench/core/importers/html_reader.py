"""Web pages and HTML exports (.html, .htm), parsed with lxml's HTML parser.

The encoding is taken from a byte order mark, else the page's own ``<meta charset>``, else the
plain-text rule (UTF-8, or Windows-1252 when that is the only reading), and recorded. Block
elements become paragraphs, ``<br>`` a line break, lists get their bullet or number, tables one
line per row with tab-separated cells; whitespace collapses as a browser shows it. Scripts,
styles and the page head are left out; ``<title>`` and the author and date ``<meta>`` tags give
the document's details.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import lxml.html
from lxml import etree

from workbench.core.errors import ImportFileError
from workbench.core.importers.blocks import BlockWriter, cell_text
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.list_markers import BULLET, format_number, small_integer
from workbench.core.importers.plain_text import WINDOWS_1252, decode_text, legacy_note

_BLOCKS = frozenset("""
    address article aside blockquote body center dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary ul
    caption legend
""".split())
_SKIPPED = frozenset("head script style template noscript iframe object svg math select".split())
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Python codecs that read no web page: they unescape or transcode instead of decoding.
_NO_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})


def read_html(path: Path) -> ExtractedText:
    text, encoding = decode_html(path.read_bytes(), path.name)
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1),
                                             parser=parser)
    except (etree.ParserError, ValueError):
        raise ImportFileError(f"{path.name}: holds no readable HTML.") from None
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        # libxml2 stops at 256 levels and drops the rest: say why, not "holds no text"
        raise ImportFileError(f"{path.name}: is refused: its structure is nested too deeply to "
                              "be a normal document.")
    reader = _Reader()
    body = root.find("body")
    reader.block(body if body is not None else root)
    return ExtractedText(text=reader.writer.text(), encoding=encoding, notes=legacy_note(encoding),
                         headings=reader.writer.headings, **_metadata(root, path))


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding label: BOM, else the declared charset, else the plain-text rule."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)
    declared = _CHARSET.search(data[:4096])
    codec = _codec(declared.group(1).decode("ascii")) if declared else ""
    if codec:
        label = {"utf-8": "UTF-8", "cp1252": WINDOWS_1252}.get(codec, codec.upper())
        try:
            return data.decode(codec), label
        except UnicodeDecodeError as error:
            raise ImportFileError(f"{name}: declares {label} but byte {error.start} is not "
                                  f"valid {label}.") from None
    return decode_text(data, name)


def _codec(declared: str) -> str:
    """Python's name for a declared charset; "" when unknown or no text encoding (rot13, zlib)."""
    try:
        codec = codecs.lookup(declared).name
        "".encode(codec)  # a bytes-to-bytes codec (rot13, zlib) raises LookupError here
    except (LookupError, UnicodeError):  # "undefined" refuses even the empty string
        return ""
    if codec in _NO_CHARSETS:
        return ""
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec  # as browsers do


_HEADINGS = {f"h{level}": level for level in range(1, 7)}


class _Reader:
    def __init__(self) -> None:
        self.writer = BlockWriter()
        self.pieces: list[str] = []

    def block(self, element: etree._Element, marker: str = "") -> None:
        """Read a block element: what came before it, and it, become paragraphs of their own."""
        self.flush()
        self.pieces.append(f"{marker} " if marker else "")
        if element.tag == "pre":
            self.pieces.append(element.text_content())
        elif element.tag == "table":
            self.table(element)
        else:
            self._text(element.text)
            self.children(element)
        self.flush(_HEADINGS.get(element.tag, 0))

    def children(self, element: etree._Element) -> None:
        numbers = _list_numbers(element) if element.tag == "ol" else None
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in _SKIPPED:
                if tag == "br":
                    self.pieces.append("\n")
                elif tag == "li":
                    self.block(child, next(numbers) if numbers else BULLET)
                elif tag in _BLOCKS or tag == "table":
                    self.block(child)
                else:
                    self._text(child.text)
                    self.children(child)
            self._text(child.tail)

    def table(self, table: etree._Element) -> None:
        for row in table.iter("tr"):
            if next(row.iterancestors("table"), None) is table:
                self.writer.row([cell_text([_inline_text(cell)]) for cell in row
                                 if cell.tag in ("td", "th")])
        self.writer.end_table()

    def flush(self, heading: int = 0) -> None:
        self.writer.paragraph("".join(self.pieces), heading)
        self.pieces = []

    def _text(self, data: str | None) -> None:
        if not data:
            return
        collapsed = _WHITESPACE.sub(" ", data)
        if collapsed.startswith(" ") and (not self.pieces or self.pieces[-1].endswith((" ", "\n"))
                                          or not "".join(self.pieces).strip()):
            collapsed = collapsed[1:]
        if collapsed:
            self.pieces.append(collapsed)


def _inline_text(element: etree._Element) -> str:
    """All visible text of a table cell on one line."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:
            parts.append(" " + _inline_text(child) + " ")
        parts.append(child.tail or "")
    return _WHITESPACE.sub(" ", "".join(parts)).strip()


def _list_numbers(ordered: etree._Element) -> Iterator[str]:
    """The markers of an ``<ol>``'s items: ``1.``, ``2.``, ... in its ``type``, from ``start``."""
    number = small_integer(ordered.get("start"), 1)
    style = ordered.get("type", "1")
    while True:
        yield f"{format_number(number, style)}."
        number += 1


def _metadata(root: etree._Element, path: Path) -> dict:
    title = " ".join((root.findtext(".//title") or "").split())
    details: dict = {"title": title or path.stem}
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").lower()
        content = (meta.get("content") or "").strip()
        if name in ("author", "dc.creator", "dcterms.creator") and content:
            details["interviewer"] = content
        elif name in ("date", "dc.date", "dcterms.created", "dcterms.date") and content:
            try:
                details["recorded_on"] = date.fromisoformat(content[:10])
            except ValueError:
                pass
    return details
