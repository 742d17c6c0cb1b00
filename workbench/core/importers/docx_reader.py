"""Word documents (.docx), opened with python-docx after the package passed the safe-zip checks.

The body is read in order: paragraphs, headings, list items (with their visible number or
bullet) and tables (one line per row, cells separated by a tab). What Word keeps outside the body
never mixes in: footnotes, endnotes, comments, headers and footers live in other parts, and
their reference marks in the body carry no text. Deleted tracked changes, hidden text and field
codes are left out; inserted tracked changes and field results are kept, as Word shows them.
Text boxes and shapes are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import docx
from lxml import etree

from workbench.core.errors import ImportFileError
from workbench.core.importers import text_limit
from workbench.core.importers.blocks import BlockWriter, cell_text
from workbench.core.importers.docx_headings import HeadingLevels
from workbench.core.importers.docx_numbering import Numbering, W
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.safe_zip import SafeZip

LABEL = "a Word document"
_SKIPPED = frozenset(f"{W}{tag}" for tag in (
    "del", "moveFrom", "delText", "instrText", "rPr", "pPr", "drawing", "pict", "object",
    "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "sym",
    "fldData",
)) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_CHARACTERS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011"}
_TEXT, _RUN, _PARAGRAPH, _TABLE = f"{W}t", f"{W}r", f"{W}p", f"{W}tbl"
_ROW, _CELL, _SDT = f"{W}tr", f"{W}tc", f"{W}sdt"


def read_docx(path: Path) -> ExtractedText:
    package = SafeZip(path.read_bytes(), path.name, LABEL)
    package.check_xml_parts()
    text_limit.check_package_text(package, "word/document.xml", _TEXT)
    try:
        document = docx.Document(package.stream())
        body = document.element.body
        numbering = Numbering(_part_element(document, "numbering_part"),
                              document.styles.element)
    except ImportFileError:
        raise
    except Exception:
        raise package.damaged() from None
    title, author, created = _properties(document)
    writer = BlockWriter()
    _read_blocks(body, writer, numbering, HeadingLevels(document.styles.element))
    return ExtractedText(text=writer.text(), encoding="", title=(title or "").strip() or path.stem,
                         recorded_on=_date(created), interviewer=(author or "").strip(),
                         headings=writer.headings)


def _properties(document: docx.document.Document) -> tuple[str | None, str | None,
                                                           datetime | None]:
    """Title, author and creation date; a damaged or mislabelled properties part (python-docx
    fails on it in several ways) costs only these, not the text."""
    try:
        properties = document.core_properties
        return properties.title, properties.author, properties.created
    except Exception:
        return None, None, None


def _read_blocks(container: etree._Element, writer: BlockWriter, numbering: Numbering,
                 headings: HeadingLevels) -> None:
    for child in container:
        if child.tag == _PARAGRAPH:
            writer.paragraph(_list_marker(child, numbering) + paragraph_text(child),
                             heading=headings.of(child))
        elif child.tag == _TABLE:
            for row in child.iter(_ROW):
                if _nearest_table(row) is child:
                    writer.row([cell_text(list(_cell_parts(cell)))
                                for cell in row if cell.tag in (_CELL, _SDT)])
            writer.end_table()
        elif child.tag == _SDT:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _read_blocks(content, writer, numbering, headings)


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of one ``w:p``, in document order."""
    return "".join(_pieces(paragraph))


def _pieces(element: etree._Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag == _TEXT:
            if child.text:
                yield child.text
        elif tag == _RUN:
            if not _hidden(child):
                yield from _pieces(child)
        elif tag in _CHARACTERS:
            yield _CHARACTERS[tag]
        elif tag not in _SKIPPED and isinstance(tag, str):
            yield from _pieces(child)


def _cell_parts(cell: etree._Element) -> Iterator[str]:
    """Every paragraph of a cell, nested tables included, in order."""
    for paragraph in cell.iter(_PARAGRAPH):
        yield paragraph_text(paragraph)


def _nearest_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != _TABLE:
        parent = parent.getparent()
    return parent


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")


def _list_marker(paragraph: etree._Element, numbering: Numbering) -> str:
    found = numbering.list_of(paragraph)
    marker = numbering.marker(*found) if found else ""
    return f"{marker} " if marker else ""


def _part_element(document: docx.document.Document, name: str) -> etree._Element | None:
    try:
        return getattr(document.part, name).element
    except (KeyError, NotImplementedError):
        return None


def _date(moment: datetime | None) -> date | None:
    return moment.date() if moment is not None else None
