"""PDF (.pdf): the text layer, read with pdfminer.six, its lines rebuilt from the glyph boxes
(:mod:`pdf_glyphs`), running headers, footers, page numbers and a number column dropped
(:mod:`pdf_margins`), two columns read one after the other (:mod:`pdf_columns`) and the lines
laid out as paragraphs and table rows (:mod:`pdf_layout`); a paragraph that goes on over a page
or column break is joined. What was dropped is said in the import's notes.

A password-protected PDF and a scan without a text layer are refused with what to do about it.
Typographic ligatures (ﬁ, ﬂ, ...) are written out as their letters; glyphs the PDF gives no
character for are counted and, if they are few, kept as U+FFFD with a note.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.utils import decode_text

from workbench.core.errors import ImportFileError
from workbench.core.importers.blocks import BlockWriter
from workbench.core.importers.extracted import ExtractedText
from workbench.core.importers.pdf_columns import reading_regions
from workbench.core.importers.pdf_glyphs import UNKNOWN as _UNKNOWN
from workbench.core.importers.pdf_glyphs import page_glyphs, page_rows
from workbench.core.importers.pdf_layout import (
    Line,
    Row,
    compounds_in,
    continues,
    join_lines,
    page_blocks,
    right_edge,
)
from workbench.core.importers.pdf_margins import drop_number_column, drop_running_rows

MAX_UNKNOWN_SHARE = 0.05


def read_pdf(path: Path) -> ExtractedText:
    try:
        with warnings.catch_warnings(), path.open("rb") as handle:
            warnings.simplefilter("ignore")
            document = PDFDocument(PDFParser(handle))
            pages, images, boxes, slanted = _page_rows(document)
            info = _info(document)
    except PDFPasswordIncorrect:
        raise ImportFileError(f"{path.name}: is password-protected; remove the password and "
                              "import it again.") from None
    except PDFEncryptionError as error:
        raise ImportFileError(f"{path.name}: is encrypted in a way that cannot be read "
                              f"({error}).") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, OverflowError, ZeroDivisionError):
        # pdfminer stops with any of these on a damaged file
        raise ImportFileError(f"{path.name}: is damaged or incomplete (it cannot be read as "
                              "a PDF).") from None
    lines = [line for page in pages for row in page for line in row]
    characters = sum(len(line.text) for line in lines)
    if not lines:
        if images:
            raise ImportFileError(f"{path.name}: has no text layer (it looks like a scan): run "
                                  "OCR first, then import the result.")
        raise ImportFileError(f"{path.name}: holds no text.")
    unknown = sum(line.text.count(_UNKNOWN) for line in lines)
    if unknown > MAX_UNKNOWN_SHARE * characters:
        raise ImportFileError(
            f"{path.name}: has no usable text layer ({unknown} of {characters} characters have "
            "no known letter): run OCR first, then import the result.")
    pages, dropped = drop_running_rows(pages)
    pages, numbers = drop_number_column(pages)
    if numbers:
        dropped.insert(0, numbers)
    if slanted:
        dropped.append(f"{slanted} letter(s) set at an angle (a watermark or margin note)")
    text, repaired = _layout(pages, boxes)
    notes = [f"{len(pages)} page(s)"]
    record = f"dropped: {', '.join(dropped)}" if dropped else ""
    if record:
        notes.append(record)
    if repaired:
        notes.append(f"{repaired} word(s) hyphenated at line ends joined")
    if unknown:
        notes.append(f"{unknown} character(s) without a known letter kept as {_UNKNOWN}")
    return ExtractedText(text=text, notes=notes, record=record, **_metadata(info, path))


def _page_rows(document: PDFDocument
               ) -> tuple[list[list[Row]], int, list[tuple[float, float]], int]:
    """Each page's rows of lines; how many images the document holds (a scan has only those);
    each page's bottom and top; how many letters set at an angle were left out. No layout
    analysis is asked of pdfminer: the glyphs are enough."""
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    pages, images, boxes, slanted = [], 0, [], 0
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        glyphs, found, turned, box = page_glyphs(device.get_result())
        pages.append(page_rows(glyphs))
        boxes.append(box)
        images += found
        slanted += turned
    return pages, images, boxes, slanted


def _layout(pages: list[list[Row]], boxes: list[tuple[float, float]]) -> tuple[str, int]:
    """The text of all pages: paragraphs joined over page and column breaks where they go on.

    Only a paragraph that runs down to the foot of its column (the lowest line of the page) or
    page (its last fifth) can go on in the next one: a page that ends higher up ended it.
    """
    compounds = compounds_in(line.text for page in pages for row in page for line in row)
    writer, repaired = BlockWriter(), 0
    open_paragraph: list[Line] = []  # the last paragraph of the previous column or page
    open_right = 0.0

    def write(paragraph: list[Line]) -> None:
        nonlocal repaired
        text, joined = join_lines([line.text for line in paragraph], compounds)
        repaired += joined
        writer.paragraph(text)

    for rows, (page_bottom, page_top) in zip(pages, boxes, strict=True):
        regions = reading_regions(rows) if rows else []
        lowest = min((line.y0 for row in rows for line in row), default=page_bottom)
        for place, region in enumerate(regions):
            left = min(line.x0 for row in region for line in row)
            blocks = page_blocks(region)
            last = region[-1][0]
            floor = lowest + 2.5 * last.height if place < len(regions) - 1 else \
                page_bottom + 0.2 * (page_top - page_bottom)
            for number, block in enumerate(blocks):
                if isinstance(block, tuple):
                    if open_paragraph:
                        write(open_paragraph)
                        open_paragraph = []
                    cells = [join_lines([line.text for line in cell], compounds) for cell in block]
                    repaired += sum(joined for _text, joined in cells)
                    writer.row([text for text, _joined in cells])
                    continue
                if number == 0 and open_paragraph and continues(open_paragraph[-1], open_right,
                                                                 block[0], left):
                    block = open_paragraph + block
                elif open_paragraph:
                    write(open_paragraph)
                open_paragraph = []
                if number == len(blocks) - 1 and last.y0 <= floor:
                    # a short page or column says little about where its lines end
                    open_paragraph = block
                    open_right = right_edge(region) if len(region) >= 3 or not open_right \
                        else max(open_right, right_edge(region))
                else:
                    write(block)
    if open_paragraph:
        write(open_paragraph)
    return writer.text(), repaired


def _info(document: PDFDocument) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for entry in document.info:
        merged.update(resolve1(entry) or {})
    return merged


def _metadata(info: dict[str, Any], path: Path) -> dict[str, Any]:
    def text(key: str) -> str:
        value = resolve1(info.get(key))
        if isinstance(value, bytes):
            return " ".join(decode_text(value).split())
        return " ".join(value.split()) if isinstance(value, str) else ""

    created = text("CreationDate").removeprefix("D:")
    try:
        recorded_on = date(int(created[:4]), int(created[4:6]), int(created[6:8]))
    except ValueError:
        recorded_on = None
    return {"title": text("Title") or path.stem, "interviewer": text("Author"),
            "recorded_on": recorded_on}
