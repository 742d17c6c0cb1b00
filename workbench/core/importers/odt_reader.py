"""OpenDocument text (.odt), read straight from its XML with the safe parser.

``content.xml`` is plain enough that reading it directly is smaller and safer than a general ODF
library: headings and paragraphs become blocks, lists get their bullet or number, tables become
one line per row with tab-separated cells. Footnotes, endnotes, comments and the record of
deleted tracked changes are left out; whitespace follows the ODF rules (runs of spaces collapse,
``text:s``, ``text:tab`` and ``text:line-break`` are kept as written). Frames and text boxes
are not read.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from lxml import etree

from workbench.core.codebooks.safe_xml import UnsafeXmlError, parse_xml_bytes
from workbench.core.errors import ImportFileError
from workbench.core.importers import text_limit
from workbench.core.importers.blocks import BlockWriter, cell_text
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.list_markers import BULLET, format_number, small_integer
from workbench.core.importers.safe_zip import SafeZip

LABEL = "an OpenDocument text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
_SKIPPED_INLINE = frozenset({f"{TEXT}note", f"{OFFICE}annotation", f"{OFFICE}annotation-end",
                             f"{TEXT}change", f"{TEXT}change-start", f"{TEXT}change-end",
                             f"{TEXT}soft-page-break", f"{TEXT}bookmark", f"{TEXT}bookmark-start",
                             f"{TEXT}bookmark-end", f"{TEXT}reference-mark"})
_BLOCK_CONTAINERS = frozenset({f"{TEXT}section", f"{TEXT}index-body", f"{TEXT}table-of-content",
                               f"{TEXT}alphabetical-index", f"{TEXT}illustration-index",
                               f"{TEXT}bibliography", f"{TEXT}user-index"})
_PARAGRAPHS = (f"{TEXT}p", f"{TEXT}h")
_MAX_REPEATED_CELLS = 100
_MAX_SPACES = 1000  # one text:s element; a hostile count would fill the memory
_WHITESPACE = re.compile(r"[ \t\r\n]+")


def read_odt(path: Path) -> ExtractedText:
    package = SafeZip(path.read_bytes(), path.name, LABEL)
    if "META-INF/manifest.xml" in package.names and (
            b"encryption-data" in package.read("META-INF/manifest.xml")):
        raise ImportFileError(f"{path.name}: is password-protected; remove the password and "
                              "import it again.")
    package.check_xml_parts()
    text_limit.check_package_text(package, "content.xml")  # before its tree is built
    content = _parse(package, "content.xml")
    styles = _parse(package, "styles.xml") if "styles.xml" in package.names else None
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise ImportFileError(f"{path.name}: holds no text document body (is it a spreadsheet or "
                              "a presentation?).")
    reader = _BodyReader(_ListStyles([content, styles]))
    reader.blocks(body)
    meta = _parse(package, "meta.xml") if "meta.xml" in package.names else None
    return ExtractedText(text=reader.writer.text(), headings=reader.writer.headings,
                         **_metadata(meta, path))


def _parse(package: SafeZip, member: str) -> etree._Element:
    try:
        return parse_xml_bytes(package.read(member))
    except UnsafeXmlError:
        raise package.damaged() from None


class _ListStyles:
    """How each list style writes its markers, per level (1-based)."""

    def __init__(self, roots: list[etree._Element | None]) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        for root in roots:
            for style in root.iter(f"{TEXT}list-style") if root is not None else ():
                name = style.get(f"{STYLE}name", "")
                self.levels[name] = {small_integer(level.get(f"{TEXT}level"), 1): _level(level)
                                     for level in style}

    def marker(self, style: str, level: int, count: int) -> str:
        kind, prefix, suffix, _start = self.levels.get(style, {}).get(level, ("bullet", "", "", 1))
        if kind == "bullet":
            return BULLET
        if kind == "none":
            return ""
        return f"{prefix}{format_number(count, kind)}{suffix}"

    def start(self, style: str, level: int) -> int:
        return self.levels.get(style, {}).get(level, ("", "", "", 1))[3]


def _level(level: etree._Element) -> tuple[str, str, str, int]:
    if level.tag != f"{TEXT}list-level-style-number":
        return ("bullet", "", "", 1)
    number_format = level.get(f"{STYLE}num-format", "1")
    return (number_format or "none", level.get(f"{STYLE}num-prefix", ""),
            level.get(f"{STYLE}num-suffix", ""), small_integer(level.get(f"{TEXT}start-value"), 1))


class _BodyReader:
    def __init__(self, list_styles: _ListStyles) -> None:
        self.writer = BlockWriter()
        self.list_styles = list_styles

    def blocks(self, container: etree._Element) -> None:
        for child in container:
            if child.tag in _PARAGRAPHS:
                self.writer.paragraph(paragraph_text(child), heading_level(child))
            elif child.tag == f"{TEXT}list":
                self.list(child, child.get(f"{TEXT}style-name", ""), 1)
            elif child.tag == f"{TABLE}table":
                self.table(child)
            elif child.tag in _BLOCK_CONTAINERS:
                self.blocks(child)

    def list(self, element: etree._Element, style: str, level: int) -> None:
        style = element.get(f"{TEXT}style-name", style)
        count = self.list_styles.start(style, level) - 1
        for item in element:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            marker = ""
            if item.tag == f"{TEXT}list-item":
                count = small_integer(item.get(f"{TEXT}start-value"), count + 1)
                marker = self.list_styles.marker(style, level, count)
            for child in item:
                if child.tag in _PARAGRAPHS:
                    text = paragraph_text(child)
                    self.writer.paragraph(f"{marker} {text}" if marker and text else text)
                    marker = ""
                elif child.tag == f"{TEXT}list":
                    self.list(child, style, level + 1)

    def table(self, table: etree._Element) -> None:
        for row in table.iter(f"{TABLE}table-row"):
            cells = []
            for cell in row:
                if cell.tag != f"{TABLE}table-cell":
                    continue
                text = cell_text([paragraph_text(p) for p in cell.iter(*_PARAGRAPHS)])
                repeated = small_integer(cell.get(f"{TABLE}number-columns-repeated"), 1)
                cells.extend([text] * (max(min(repeated, _MAX_REPEATED_CELLS), 1) if text else 1))
            self.writer.row(cells)
        self.writer.end_table()


def heading_level(paragraph: etree._Element) -> int:
    """A ``text:h``'s outline level (1 when it gives none); 0 for a ``text:p``."""
    if paragraph.tag != f"{TEXT}h":
        return 0
    level = paragraph.get(f"{TEXT}outline-level", "1")
    return int(level) if level.isdigit() and int(level) > 0 else 1


def paragraph_text(paragraph: etree._Element) -> str:
    """A ``text:p`` or ``text:h`` as shown: ODF whitespace rules applied."""
    pieces: list[str] = []
    _inline(paragraph, pieces)
    return "".join(pieces).strip(" ")


def _inline(element: etree._Element, pieces: list[str]) -> None:
    _raw(element.text, pieces)
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}s":
            pieces.append(" " * min(small_integer(child.get(f"{TEXT}c"), 1), _MAX_SPACES))
        elif tag == f"{TEXT}tab":
            pieces.append("\t")
        elif tag == f"{TEXT}line-break":
            pieces.append("\n")
        elif isinstance(tag, str) and tag not in _SKIPPED_INLINE and not tag.startswith(
                "{urn:oasis:names:tc:opendocument:xmlns:drawing"):
            _inline(child, pieces)
        _raw(child.tail, pieces)


def _raw(data: str | None, pieces: list[str]) -> None:
    """Character data: any run of ODF whitespace is one space, also across element boundaries.

    Only space, tab, CR and LF count as whitespace here; a no-break space is text.
    """
    if not data:
        return
    collapsed = _WHITESPACE.sub(" ", data)
    if collapsed.startswith(" ") and (not pieces or pieces[-1].endswith((" ", "\n"))):
        collapsed = collapsed[1:]
    if collapsed:
        pieces.append(collapsed)


def _metadata(meta: etree._Element | None, path: Path) -> dict:
    if meta is None:
        return {"title": path.stem}
    title = (meta.findtext(f".//{DC}title") or "").strip()
    creator = (meta.findtext(f".//{META}initial-creator") or meta.findtext(f".//{DC}creator")
               or "").strip()
    created = (meta.findtext(f".//{META}creation-date") or "").strip()
    try:
        recorded_on = date.fromisoformat(created[:10]) if created else None
    except ValueError:
        recorded_on = None
    return {"title": title or path.stem, "interviewer": creator, "recorded_on": recorded_on}
