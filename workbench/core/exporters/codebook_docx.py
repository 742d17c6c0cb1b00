"""The codebook to Word: the appendix every report needs.

An overview table of the tree (with how often each code was used: codings of the code and its
sub-codes, documents and cases), then one section per code with its definition, when to use
it, when not to, and an example.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Cm, Pt
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.exporters import written_whole
from workbench.core.exporters.docx_page import (
    core_properties,
    header_and_page_numbers,
    keep_with_next,
)
from workbench.core.exporters.docx_parts import (
    GREY,
    HEADER_SHADE,
    keep_row_whole,
    repeat_as_header,
    set_grid,
    set_up,
    set_widths,
    shade,
    write,
)
from workbench.core.model import Code, Coding, Document, ProjectInfo, utc_now
from workbench.core.storage import Project

FIELDS = (("definition", "Definition"), ("when_to_use", "When to use"),
          ("when_not_to_use", "When not to use"), ("example", "Example"))


@dataclass(frozen=True)
class CodeEntry:
    code: Code
    depth: int
    codings: int  # the code and all its sub-codes
    documents: int
    cases: int


def write_codebook_docx(project: Project, path: str | os.PathLike[str],
                        paper: str | None = None) -> Path:
    with project.reading() as session:
        info = session.scalars(select(ProjectInfo)).one()
        entries = code_entries(session)
    document = docx.Document()
    width = set_up(document, landscape=False, paper=paper)
    core_properties(document, f"Codebook: {info.name}", subject=info.name)
    header_and_page_numbers(document, f"{info.name} · Codebook · {utc_now():%Y-%m-%d}")
    document.add_heading(f"Codebook: {info.name}", level=0)
    note = document.add_paragraph()
    run = note.add_run(f"Codebook: {info.codebook_origin or 'the project’s own'} · "
                       f"{len(entries)} codes · made on {utc_now():%Y-%m-%d} with Coding "
                       "Workbench. Counts include each code’s sub-codes.")
    run.font.size, run.font.color.rgb = Pt(8.5), GREY
    add_codebook(document, entries, width)
    with written_whole(path) as scratch:
        document.save(str(scratch))
    return Path(path)


def add_codebook(document: WordDocument, entries: list[CodeEntry], width: float,
                 level: int = 1) -> None:
    """The overview table and one section per code (also the report's appendix)."""
    keep_with_next(document.add_heading("Overview", level=level))
    _overview(document, entries, width)
    keep_with_next(document.add_heading("Definitions", level=level))
    for entry in entries:
        _section(document, entry, level)


def code_entries(session: Session) -> list[CodeEntry]:
    """Every code depth first, in the researcher's order, with its subtree's usage."""
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[Code]] = defaultdict(list)
    for code in codes:
        children[code.parent_id].append(code)
    used: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for code_id, document_id, case_id in session.execute(
            select(Coding.code_id, Coding.document_id, Document.case_id)
            .join(Document, Coding.document_id == Document.id)):
        used[code_id].append((document_id, case_id))
    entries: list[CodeEntry] = []

    def visit(code: Code, depth: int) -> list[tuple[int, int]]:
        place = len(entries)
        entries.append(CodeEntry(code, depth, 0, 0, 0))
        found = list(used.get(code.id, []))
        for child in children.get(code.id, []):
            found += visit(child, depth + 1)
        entries[place] = CodeEntry(code, depth, len(found), len({d for d, _ in found}),
                                   len({c for _, c in found}))
        return found

    for top in children.get(None, []):
        visit(top, 0)
    return entries


def _overview(document: WordDocument, entries: list[CodeEntry], width: float) -> None:
    widths = [width - 6.6, 2.2, 2.2, 2.2]
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.autofit = False
    set_grid(table, widths)
    header = table.rows[0]
    repeat_as_header(header)
    for cell, text in zip(header.cells, ("Code", "Codings", "Documents", "Cases"), strict=True):
        shade(cell, HEADER_SHADE)
        write(cell, text, bold=True)
    set_widths(header, widths)
    for entry in entries:
        row = table.add_row()
        keep_row_whole(row)
        cells = row.cells
        write(cells[0], entry.code.name, bold=entry.depth == 0)
        cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.6 * entry.depth)
        numbers = (entry.codings, entry.documents, entry.cases)
        for cell, number in zip(cells[1:], numbers, strict=True):
            write(cell, str(number), centre=True)
        set_widths(row, widths)


def _section(document: WordDocument, entry: CodeEntry, level: int = 1) -> None:
    code = entry.code
    keep_with_next(document.add_heading(code.name, level=min(entry.depth + level + 1, 5)))
    usage = document.add_paragraph()
    keep_with_next(usage)
    text = (f"{entry.codings} coding(s) in {entry.documents} document(s) of {entry.cases} case(s)"
            + ("" if code.codable else " · groups its sub-codes, not applied itself"))
    run = usage.add_run(text)
    run.font.size, run.font.color.rgb = Pt(8.5), GREY
    for field, label in FIELDS:
        value = " ".join(getattr(code, field).split())
        if not value:
            continue
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(4)
        paragraph.add_run(f"{label}: ").bold = True
        quoted = field == "example" and value[0] not in "“\"'‘"
        body = paragraph.add_run(f"“{value}”" if quoted else value)
        body.italic = field == "example"
