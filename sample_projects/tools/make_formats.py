"""Write the sample documents that the case manifests list as .docx, .odt or .pdf.

The editable text of each such document lives in ``solidarity/sources/<case>/<name>.txt``
(paragraphs separated by a blank line); this script lays it out in the format its ``case.toml``
entry names, with the entry's title, interviewer (as author) and date as the file's properties.
Run it from the repository root after editing a source text:

    .venv/bin/pip install -e '.[test]'   # python-docx, odfpy and fpdf2
    .venv/bin/python sample_projects/tools/make_formats.py

PDFs use the standard Helvetica font, whose Windows-1252 character set covers the texts chosen
for PDF; a paragraph never breaks across pages, so each page holds whole paragraphs.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from fpdf import FPDF
from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.text import P

SAMPLE = Path(__file__).resolve().parent.parent / "solidarity"
LINE_HEIGHT = 5.5
PARAGRAPH_GAP = 4


def main() -> None:
    for manifest in sorted(SAMPLE.glob("cases/*/case.toml")):
        with manifest.open("rb") as handle:
            entries = tomllib.load(handle).get("document", [])
        for entry in entries:
            target = manifest.parent / entry["file"]
            writer = WRITERS.get(target.suffix)
            if writer is None:
                continue
            source = SAMPLE / "sources" / manifest.parent.name / f"{target.stem}.txt"
            paragraphs = source.read_text(encoding="utf-8").strip().split("\n\n")
            writer(target, paragraphs, entry)
            print(f"wrote {target.relative_to(SAMPLE)}")


def write_docx(target: Path, paragraphs: list[str], entry: dict[str, Any]) -> None:
    document = docx.Document()
    properties = document.core_properties
    properties.title = entry["title"]
    properties.author = entry.get("interviewer", "")
    properties.comments = "Invented sample data for Coding Workbench."
    properties.created = properties.modified = _moment(entry.get("date"))
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(target)


def write_odt(target: Path, paragraphs: list[str], entry: dict[str, Any]) -> None:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=entry["title"]))
    document.meta.addElement(meta.InitialCreator(text=entry.get("interviewer", "")))
    document.meta.addElement(meta.CreationDate(text=_moment(entry.get("date")).isoformat()))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    document.save(str(target))


def write_pdf(target: Path, paragraphs: list[str], entry: dict[str, Any]) -> None:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(entry["title"])
    pdf.set_author(entry.get("interviewer", ""))
    pdf.set_subject("Invented sample data for Coding Workbench.")
    pdf.set_creation_date(_moment(entry.get("date")))
    pdf.set_font("Helvetica", size=10.5)
    pdf.add_page()
    for paragraph in paragraphs:
        lines = pdf.multi_cell(0, LINE_HEIGHT, paragraph, dry_run=True, output="LINES")
        if pdf.get_y() + len(lines) * LINE_HEIGHT > pdf.h - pdf.b_margin:
            pdf.add_page()  # keep each paragraph on one page
        pdf.multi_cell(0, LINE_HEIGHT, paragraph, align="L")
        pdf.ln(PARAGRAPH_GAP)
    pdf.output(str(target))


def _moment(day: date | None) -> datetime:
    day = day or date(2016, 1, 1)
    return datetime(day.year, day.month, day.day, 12, 0)


WRITERS = {".docx": write_docx, ".odt": write_odt, ".pdf": write_pdf}

if __name__ == "__main__":
    main()
