"""A matrix to Word: a titled document of numbered tables, ready to go into a paper.

A4 (Letter for US locales, or by choice), landscape, a running header with the project and the
date, "Page n of m" in the footer, the user as the file's author. The tables come from
:mod:`workbench.core.exporters.docx_matrix`; a legend with the codebook's definitions of the
columns closes the document.
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt

from workbench.core.analysis.spec import MODE_TITLES
from workbench.core.exporters import written_whole
from workbench.core.exporters.docx_matrix import Numbering, add_matrix_tables
from workbench.core.exporters.docx_page import (
    core_properties,
    header_and_page_numbers,
    keep_with_next,
)
from workbench.core.exporters.docx_parts import GREY, set_up
from workbench.core.exporters.views import MatrixViews
from workbench.core.jobs import JobControl


def write_matrix_docx(views: MatrixViews, path: str | os.PathLike[str],
                      control: JobControl | None = None, title: str = "") -> Path:
    control = control or JobControl()
    document = docx.Document()
    width = set_up(document, landscape=True, paper=views.options.paper)
    modes = ", ".join(MODE_TITLES[m.spec.cell].lower() for m in views.matrices)
    default = f"Cross-case matrix: {modes}" if views.with_passages else views.title(
        views.matrices[0])
    made = views.provenance
    heading = title or default
    core_properties(document, heading, subject=made.project)
    header_and_page_numbers(document, f"{made.project} · {heading} · {made.made_at:%Y-%m-%d}")
    document.add_heading(heading, level=0)
    provenance(document, views)
    numbering = Numbering()
    for matrix in views.matrices:
        keep_with_next(document.add_heading(views.title(matrix), level=1))
        add_matrix_tables(document, views, matrix, width, numbering, control)
    legend(document, views)
    with written_whole(path) as scratch:
        document.save(str(scratch))
    return Path(path)


def provenance(document: WordDocument, views: MatrixViews) -> None:
    paragraph = document.add_paragraph()
    for number, (label, value) in enumerate(views.about()):
        if number:
            paragraph.add_run().add_break()
        label_run = paragraph.add_run(f"{label}: ")
        label_run.bold = True
        label_run.font.size = Pt(8.5)
        value_run = paragraph.add_run(value)
        value_run.font.size = Pt(8.5)
        value_run.font.color.rgb = GREY


def legend(document: WordDocument, views: MatrixViews) -> None:
    keep_with_next(document.add_heading("The codes in the columns", level=1))
    for column in views.columns:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(3)
        name = paragraph.add_run(column.path.replace("/", " › "))
        name.bold = True
        if column.definition:
            paragraph.add_run(f": {' '.join(column.definition.split())}")
