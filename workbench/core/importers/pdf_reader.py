"""PDF (.pdf): the text layer, read with pdfminer.six, laid out by :mod:`pdf_layout`.

Each page ends a paragraph, so pages stay separated by a blank line. A password-protected PDF
and a scan without a text layer are refused with what to do about it. Typographic ligatures
(ﬁ, ﬂ, ...) are written out as their letters; glyphs the PDF gives no character for are counted
and, if they are few, kept as U+FFFD with a note.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTComponent, LTContainer, LTImage, LTTextLine
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
from workbench.core.importers.pdf_layout import (
    Line,
    compounds_in,
    join_lines,
    page_blocks,
    page_rows,
)

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_UNKNOWN = "\ufffd"
MAX_UNKNOWN_SHARE = 0.05


def read_pdf(path: Path) -> ExtractedText:
    try:
        with warnings.catch_warnings(), path.open("rb") as handle:
            warnings.simplefilter("ignore")
            document = PDFDocument(PDFParser(handle))
            pages, images = _page_lines(document)
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
    characters = sum(len(line.text) for page in pages for line in page)
    if not any(line.text.strip() for page in pages for line in page):
        if images:
            raise ImportFileError(f"{path.name}: has no text layer (it looks like a scan): run "
                                  "OCR first, then import the result.")
        raise ImportFileError(f"{path.name}: holds no text.")
    unknown = sum(line.text.count(_UNKNOWN) for page in pages for line in page)
    if unknown > MAX_UNKNOWN_SHARE * characters:
        raise ImportFileError(
            f"{path.name}: has no usable text layer ({unknown} of {characters} characters have "
            "no known letter): run OCR first, then import the result.")
    text, repaired = _layout(pages)
    notes = [f"{len(pages)} page(s)"]
    if repaired:
        notes.append(f"{repaired} word(s) hyphenated at line ends joined")
    if unknown:
        notes.append(f"{unknown} character(s) without a known letter kept as {_UNKNOWN}")
    return ExtractedText(text=text, notes=notes, **_metadata(info, path))


def _page_lines(document: PDFDocument) -> tuple[list[list[Line]], int]:
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(resources, device)
    pages, images = [], 0
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        layout = device.get_result()
        lines = []
        for item in _walk(layout):
            if isinstance(item, LTTextLine):
                line = _line(item)
                if line is not None:
                    lines.append(line)
            elif isinstance(item, LTImage):
                images += 1
        pages.append(lines)
    return pages, images


def _walk(container: LTContainer) -> Iterator[LTComponent]:
    for item in container:
        yield item
        if isinstance(item, LTContainer) and not isinstance(item, LTTextLine):
            yield from _walk(item)


def _line(line: LTTextLine) -> Line | None:
    """One drawn line: its text (real and inferred spaces not doubled) and its geometry."""
    out: list[str] = []
    inferred = False  # the last space in ``out`` was inferred by pdfminer from a gap
    first_word_end: float | None = None
    first_word_done = False
    space_width = 0.0
    for item in line:
        if isinstance(item, LTAnno):
            if item.get_text() == " " and out and not out[-1].isspace():
                out.append(" ")
                inferred = True
                first_word_done = True
            continue
        if not isinstance(item, LTChar):
            continue
        text = item.get_text()
        if text.startswith("(cid:"):
            text = _UNKNOWN
        if text.isspace():
            space_width = space_width or item.width
            if inferred and out and out[-1] == " ":
                out.pop()
            first_word_done = first_word_done or first_word_end is not None
        elif not first_word_done:
            first_word_end = item.x1
        out.append(text)
        inferred = False
    text = "".join(out).strip().translate(_LIGATURES)
    if not text:
        return None
    space = space_width or line.height * 0.25
    return Line(text, line.x0, line.x1, line.y0, line.y1,
                (first_word_end or line.x1) - line.x0, space)


def _layout(pages: list[list[Line]]) -> tuple[str, int]:
    compounds = compounds_in(line.text for page in pages for line in page)
    writer, repaired = BlockWriter(), 0
    for lines in pages:
        for block in page_blocks(page_rows(lines)):
            if isinstance(block, tuple):
                writer.row(list(block))
            else:
                text, joined = join_lines([line.text for line in block], compounds)
                repaired += joined
                writer.paragraph(text)
        writer.end_table()
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
