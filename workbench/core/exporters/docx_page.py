"""The page around a Word export: paper size, running header, page numbers, file properties,
captions, and what keeps a heading or a quotation on the page of what follows it.

Paper is A4 unless the user's locale is one of the few that use US Letter (or Letter is chosen).
"""

from __future__ import annotations

import getpass
import locale
import os
from datetime import UTC, datetime

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from workbench.core.errors import DomainError
from workbench.core.exporters.options import PROGRAM

PAPERS = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}
# Countries whose offices use US Letter; everyone else prints on A4.
LETTER_REGIONS = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "SV", "PA", "DO"}
_GREY = RGBColor(0x59, 0x59, 0x59)


def default_paper(locale_name: str | None = None) -> str:
    """``letter`` for a US-Letter locale (en_US, es_MX, fr_CA, ...), else ``a4``."""
    name = locale_name
    if name is None:
        name = os.environ.get("LC_PAPER") or os.environ.get("LC_ALL") or os.environ.get("LANG") \
            or (locale.getlocale()[0] or "")
    region = name.split(".", 1)[0].replace("-", "_").rpartition("_")[2].upper()
    return "letter" if region in LETTER_REGIONS else "a4"


def paper_size(document: WordDocument, paper: str | None, *, landscape: bool) -> None:
    """Every section on ``paper`` (``a4``/``letter``; None: from the locale), turned as asked."""
    key = (paper or default_paper()).lower()
    if key not in PAPERS:
        raise DomainError(f"Paper is A4 or Letter, not '{paper}'.")
    short, long = PAPERS[key]
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)


def core_properties(document: WordDocument, title: str, subject: str = "",
                    author: str | None = None, now: datetime | None = None) -> None:
    """Title, author (the user, not python-docx), created and modified now."""
    made = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = properties.last_modified_by = author or user_name()
    properties.created = properties.modified = made.replace(tzinfo=None)
    properties.last_printed = made.replace(tzinfo=None)
    properties.revision = 1
    properties.comments = f"Made with {PROGRAM}"
    properties.keywords = ""


def user_name() -> str:
    """Who makes the file: the coder's name where set, else the login."""
    try:
        return os.environ.get("WORKBENCH_CODER") or getpass.getuser()
    except (KeyError, OSError):
        return ""


def header_and_page_numbers(document: WordDocument, left: str) -> None:
    """A running header (``left``: project and date) and "Page n of m" centred in the footer."""
    for section in document.sections:
        header = section.header.paragraphs[0]
        header.text = ""
        run = header.add_run(left)
        run.font.size, run.font.color.rgb = Pt(8), _GREY
        footer = section.footer.paragraphs[0]
        footer.alignment = 1
        for part in ("Page ", "PAGE", " of ", "NUMPAGES"):
            if part.isupper():
                add_field(footer, part, "1", size=8)
            else:
                small = footer.add_run(part)
                small.font.size, small.font.color.rgb = Pt(8), _GREY


def add_field(paragraph: Paragraph, instruction: str, shown: str, size: float = 0) -> None:
    """A Word field (PAGE, NUMPAGES, SEQ Table, TOC ...) showing ``shown`` until updated."""
    def run_with(element: BaseOxmlElement) -> None:
        run = paragraph.add_run()
        if size:
            run.font.size = Pt(size)
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    value = paragraph.add_run(shown)
    if size:
        value.font.size = Pt(size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def keep_with_next(paragraph: Paragraph, together: bool = True) -> None:
    """The paragraph stays on the page of the one after it (and, ``together``, whole)."""
    paragraph.paragraph_format.keep_with_next = True
    if together:
        paragraph.paragraph_format.keep_together = True


def caption(document: WordDocument, kind: str, number: int, text: str) -> Paragraph:
    """``Table 3`` in bold over an italic title (APA 7), numbered by a SEQ field; kept with
    what follows."""
    label = document.add_paragraph()
    label.paragraph_format.space_before = Pt(10)
    label.paragraph_format.space_after = Pt(0)
    run = label.add_run(f"{kind} ")
    run.bold = True
    add_field(label, f"SEQ {kind} \\* ARABIC", str(number))
    for item in label.runs[1:]:
        item.bold = True
    keep_with_next(label)
    title = document.add_paragraph()
    title.paragraph_format.space_after = Pt(4)
    title.add_run(text).italic = True
    keep_with_next(title)
    return title


def table_note(document: WordDocument, text: str) -> Paragraph:
    """*Note.* under a table (APA 7), small and grey."""
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(3)
    lead = note.add_run("Note. ")
    lead.italic = True
    lead.font.size = Pt(8)
    body = note.add_run(text)
    body.font.size, body.font.color.rgb = Pt(8), _GREY
    return note


def apa_rules(table: Table) -> None:
    """Horizontal rules only: above and below the header row and at the table's foot."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side, value in (("top", "single"), ("bottom", "single"), ("left", "nil"),
                        ("right", "nil"), ("insideH", "nil"), ("insideV", "nil")):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        if value == "single":
            edge.set(qn("w:sz"), "8")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    properties.append(borders)
    for cell in table.rows[0].cells:
        cell_borders = OxmlElement("w:tcBorders")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "6")
        bottom.set(qn("w:color"), "000000")
        cell_borders.append(bottom)
        cell_properties = cell._tc.get_or_add_tcPr()
        shading = cell_properties.find(qn("w:shd"))
        if shading is None:
            cell_properties.append(cell_borders)
        else:  # the schema's order: borders before shading
            shading.addprevious(cell_borders)


def rule_above(row: _Row) -> None:
    """A thin grey rule over a row (between two cases of a long table)."""
    for cell in row.cells:
        borders = OxmlElement("w:tcBorders")
        top = OxmlElement("w:top")
        for key, value in (("val", "single"), ("sz", "2"), ("color", "A6A6A6")):
            top.set(qn(f"w:{key}"), value)
        borders.append(top)
        properties = cell._tc.get_or_add_tcPr()
        shading = properties.find(qn("w:shd"))
        if shading is None:
            properties.append(borders)
        else:
            shading.addprevious(borders)


def provenance_line(project: str, codebook: str, made: datetime,
                    extra: list[tuple[str, str]] | None = None) -> str:
    """One sentence of provenance for a table note: project, codebook, date, filters, program."""
    parts = [f"Project: {project}", f"codebook: {codebook}", f"made {made:%Y-%m-%d}"]
    parts += [f"{label.lower()}: {value}" for label, value in extra or []]
    parts.append(f"with {PROGRAM}")
    return "; ".join(parts) + "."
