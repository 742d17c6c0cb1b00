"""The agreement report as a Word document: the table for a report's appendix, then the
passages the coders disagree on, side by side with their references.

A4 landscape (Letter for US locales), a running header and page numbers, the provenance
(project, codebook, date, coders, codes, program) under the title, a numbered table whose rows
do not split and whose header row repeats on every page; undefined or degenerate figures are
explained in the note under the table.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from workbench.core.analysis.agreement.formatting import (
    depth,
    display_label,
    notes,
    percent,
    segments,
    with_interval,
)
from workbench.core.analysis.agreement.results import AgreementReport
from workbench.core.exporters import written_whole
from workbench.core.exporters.docx_matrix import Numbering
from workbench.core.exporters.docx_page import (
    apa_rules,
    caption,
    core_properties,
    header_and_page_numbers,
    keep_with_next,
    paper_size,
    provenance_line,
    table_note,
)
from workbench.core.exporters.docx_parts import (
    RowMaker,
    fill,
    keep_row_whole,
    paragraph_xml,
    set_grid,
    set_widths,
)
from workbench.core.model import utc_now

_GREY = RGBColor(0x59, 0x59, 0x59)
_HEADER_SHADE = "DCE6F1"
_TEXT_WIDTH_CM = 25.5  # A4 landscape less 2 cm margins, a little to spare


def write_agreement_docx(report: AgreementReport, path: str | os.PathLike[str],
                         paper: str | None = None) -> None:
    document = Document()
    _landscape(document, paper)
    document.styles["Normal"].font.size = Pt(9.5)
    document.styles["Normal"].font.name = "Calibri"
    made = report.made_at or utc_now()
    core_properties(document, "Inter-coder agreement", subject=report.project)
    header_and_page_numbers(document, f"{report.project} · Inter-coder agreement · "
                                      f"{made:%Y-%m-%d}")
    document.add_heading("Inter-coder agreement", level=1)
    add_agreement(document, report, Numbering())
    with written_whole(path) as scratch:
        document.save(str(scratch))


def add_agreement(document: WordDocument, report: AgreementReport, numbering: Numbering,
                  level: int = 2, most: int | None = None) -> None:
    """The provenance, the methods paragraph, the numbered results table with its note, and
    the disagreements (``most``: only the first so many, saying how many there are)."""
    _grey(document.add_paragraph(provenance(report)))
    document.add_paragraph(_summary(report))
    caption(document, "Table", numbering.next_table(),
            "Inter-coder agreement per code, theme and case")
    _results_table(document, report)
    _notes(document, report)
    keep_with_next(document.add_heading("Passages the coders disagree on", level=level))
    _disagreements(document, report, most)


def provenance(report: AgreementReport) -> str:
    made = report.made_at or utc_now()
    return provenance_line(report.project, report.codebook, made,
                           [("Coders", ", ".join(report.coders)),
                            ("Codes", report.codes_chosen)])


def _summary(report: AgreementReport) -> str:
    seed = "" if report.seed is None else f", seed {report.seed}"
    return (f"Coders: {', '.join(report.coders)}. {len(report.documents)} documents compared, "
            f"{report.all_coders_documents} of them coded by every coder. Units are characters; "
            f"percent agreement and Cohen's kappa over the documents every coder coded (with "
            f"more than two coders, the mean over pairs), Krippendorff's alpha (nominal) over all "
            f"compared documents. Intervals: 95% bootstrap over paragraphs, {report.resamples} "
            f"resamples{seed}. A segment is matched when another coder coded at least "
            f"{report.overlap:.0%} of it with the same code.")


def _results_table(document: WordDocument, report: AgreementReport) -> None:
    headers = ["Code, theme or case", "Agreement", "Kappa [95% CI]", "Alpha [95% CI]",
               "Segments matched"]
    rows = [[display_label(r, with_kind=True).strip(), percent(r.percent), with_interval(r.kappa),
             with_interval(r.alpha), "\n".join(segments(s) for s in r.segments)]
            for r in report.rows()]
    for values, result in zip(rows, report.rows(), strict=True):
        if notes(result):
            values[0] += " *"
    table = _table(document, headers, rows, [Cm(9.0), Cm(2.8), Cm(3.6), Cm(3.6), Cm(4.2)])
    apa_rules(table)
    for n, result in enumerate(report.rows(), start=1):
        table.rows[n].cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.4 * depth(result))
        if result.kind != "code":
            for cell in table.rows[n].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _notes(document: WordDocument, report: AgreementReport) -> None:
    explained = [f"* {display_label(row).strip()}: {notes(row)}." for row in report.rows()
                 if notes(row)]
    table_note(document, " ".join([
        "Agreement is percent agreement on characters; κ is Cohen's kappa, α Krippendorff's "
        "alpha (nominal), each with its 95% bootstrap interval; – marks a figure that is not "
        "defined.", *explained, provenance(report)]))
    if report.left_out:
        _grey(document.add_paragraph("Left out, because only one coder coded them:"))
    for case, document_title, coder in report.left_out:
        _grey(document.add_paragraph(f"{case} · {document_title} ({coder})", "List Bullet"))


def _disagreements(document: WordDocument, report: AgreementReport, most: int | None) -> None:
    if not report.disagreements:
        document.add_paragraph("The coders coded every passage alike.")
        return
    shown = report.disagreements[:most] if most is not None else report.disagreements
    if len(shown) < len(report.disagreements):
        _grey(document.add_paragraph(
            f"The first {len(shown)} of {len(report.disagreements)} passages the coders "
            "disagree on; the agreement export (workbench agreement ... -o agreement.xlsx) "
            "lists them all."))
    width = Cm((_TEXT_WIDTH_CM - 6.0) / len(report.coders))
    rows = [[d.reference,
             *["(did not code this document)" if p is None else p or "—" for p in d.passages]]
            for d in shown]
    _table(document, ["Where and code", *report.coders], rows,
           [Cm(6.0)] + [width] * len(report.coders),
           [d.code.split("/")[-1] for d in shown])


def _table(document: WordDocument, headers: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[Cm], below_first: Sequence[str] = ()) -> Table:
    """A table whose rows never split; ``below_first``: an italic line under each row's first
    cell (the code of a disagreement). Rows are written as XML in one go (fast for 10,000)."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    centimetres = [width.cm for width in widths]
    set_grid(table, centimetres)
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell)
    _repeat_header(header)
    set_widths(header, centimetres)
    maker = RowMaker(table, centimetres)
    for number, values in enumerate(rows):
        _row, cells = maker.add()
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            paragraphs = [paragraph_xml(line, size=9.5) for line in str(text).split("\n")]
            if column == 0 and number < len(below_first):
                paragraphs.append(paragraph_xml(below_first[number], italic=True, size=9.5))
            fill(cell, paragraphs)
    return table


def _landscape(document: WordDocument, paper: str | None) -> None:
    section = document.sections[0]
    paper_size(document, paper, landscape=True)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _repeat_header(row) -> None:
    keep_row_whole(row)
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), _HEADER_SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _grey(paragraph) -> None:
    paragraph.paragraph_format.space_after = Pt(1)
    for run in paragraph.runs:
        run.font.color.rgb = _GREY
        run.font.size = Pt(8.5)
