"""Small pieces of Word layout python-docx has no call for: landscape pages, repeated header
rows, cell shading, compact table text. Shared by the matrix and codebook reports."""

from __future__ import annotations

import copy
import re
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row

from workbench.core.exporters.docx_page import paper_size

GREY = RGBColor(0x59, 0x59, 0x59)
HEADER_SHADE = "E8ECF2"
GROUP_SHADE = "F3F3F3"


def set_up(document: WordDocument, *, landscape: bool, paper: str | None = None) -> float:
    """Paper (A4 unless a Letter locale or ``paper``), margins, body font and orientation;
    returns the usable width in centimetres."""
    section = document.sections[0]
    paper_size(document, paper, landscape=landscape)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None  # set just above
    return (width - left - right) / 360000


def repeat_as_header(row: _Row) -> None:
    """Mark a table row as a header row: Word repeats it at the top of every page."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def keep_row_whole(row: _Row) -> None:
    """A row should not break across pages (before any header flag, as the schema orders)."""
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    properties = row._tr.get_or_add_trPr()
    header = properties.find(qn("w:tblHeader"))
    if header is None:
        properties.append(flag)
    else:
        header.addprevious(flag)


def shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def write(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
          size: float = 9, colour: RGBColor | None = None, new_paragraph: bool = False,
          centre: bool = False) -> None:
    """Add text to a cell: into its first (empty) paragraph, or a new paragraph.

    ``new_paragraph`` appends without listing the cell's paragraphs (python-docx builds that
    list anew on every call, which made a cell of 800 passages take minutes).
    """
    paragraph = cell.add_paragraph() if new_paragraph else cell.paragraphs[0]
    if centre:
        paragraph.alignment = 1
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour


def set_widths(row: _Row, widths_cm: list[float]) -> None:
    """Widths of a row's cells (Word reads these; the grid below is for LibreOffice)."""
    for cell, width in zip(row.cells, widths_cm, strict=False):
        cell.width = Cm(width)


def set_grid(table: Table, widths_cm: list[float]) -> None:
    """The table's column grid, which LibreOffice and Word's layout start from."""
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def paragraph_xml(text: str, *, italic: bool = False, size: float = 9,
                  colour: RGBColor | None = None, keep_next: bool | None = None) -> str:
    """One paragraph of one run, as WordprocessingML.

    Long cells (hundreds of passages) are written as XML and parsed in one go: python-docx's
    property setters search each element's children anew for every attribute set.
    """
    properties = ("<w:i/>" if italic else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    properties += f'<w:sz w:val="{round(size * 2)}"/>'
    body = escape(_CONTROL.sub("", text))
    # keep_next: a quotation stays on the page of its reference (True), which is kept whole
    # (False); neither splits across a page.
    keep = "" if keep_next is None else ("<w:keepNext/>" if keep_next else "") + "<w:keepLines/>"
    return (f'<w:p {nsdecls("w")}><w:pPr>{keep}<w:spacing w:after="40"/></w:pPr><w:r><w:rPr>'
            f'{properties}</w:rPr><w:t xml:space="preserve">{body}</w:t></w:r></w:p>')


def fill(cell: _Cell, paragraphs: list[str]) -> None:
    """Replace a new cell's empty paragraph with these (from :func:`paragraph_xml`)."""
    if not paragraphs:
        return
    tc = cell._tc
    for empty in tc.findall(qn("w:p")):
        tc.remove(empty)
    tc.extend(parse_xml(f'<w:body {nsdecls("w")}>{"".join(paragraphs)}</w:body>'))


class RowMaker:
    """New rows for a long table, fast: each a copy of one empty row (its widths set, kept
    whole when asked) appended straight to the table.

    python-docx's ``add_row`` finds its place among all the table's rows each time and works
    out every cell's span when listing a row's cells, so a table of 20,000 rows took minutes.
    """

    def __init__(self, table: Table, widths_cm: list[float], whole: bool = True) -> None:
        self.table = table
        row = table.add_row()
        if whole:
            keep_row_whole(row)
        set_widths(row, widths_cm)
        self._template = row._tr
        table._tbl.remove(self._template)

    def add(self) -> tuple[_Row, list[_Cell]]:
        """A new empty row at the table's end, and its cells."""
        tr = copy.deepcopy(self._template)
        self.table._tbl.append(tr)
        return _Row(tr, self.table), [_Cell(tc, self.table) for tc in tr.tc_lst]
