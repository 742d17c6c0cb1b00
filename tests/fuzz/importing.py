"""A researcher's import, driven with hostile files: seeds, the import itself, what must hold."""

from __future__ import annotations

import io
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

import docx
from fpdf import FPDF

from tests.core.importers import writers
from workbench.core.importers.job import FileOutcome, import_files
from workbench.core.storage import Project


@cache
def seed(suffix: str) -> bytes:
    """A small valid file of each format, written by an independent writer."""
    if suffix == ".docx":
        return _docx_with_lists()
    if suffix == ".pdf":
        return _small_pdf()
    with tempfile.TemporaryDirectory() as folder:
        writer = {".odt": writers.write_odt, ".rtf": writers.write_rtf,
                  ".html": writers.write_html}[suffix]
        return writer(Path(folder) / f"seed{suffix}").read_bytes()


def _docx_with_lists() -> bytes:
    document = docx.Document()
    document.add_heading(writers.HEADING, level=1)
    for turn in writers.TURNS:
        document.add_paragraph(turn, style="List Number")
        document.add_paragraph(turn, style="List Bullet 2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Zoë"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _small_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_compression(False)  # byte damage then reaches the page content, not only zlib
    pdf.set_title("Gesprek")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Interviewer: Wat betekent het cafe voor jou?\nAnna: Veel.")
    return bytes(pdf.output())


# One read-only connection per project file, kept open: opening one (and reading the schema)
# took ten times as long as counting the rows, twice for every example.
_READERS: dict[Path, sqlite3.Connection] = {}


def row_counts(path: Path) -> dict[str, int]:
    """How many rows each table of the project file holds (each count a fresh read of what is
    committed: the connection stays outside any transaction between statements)."""
    connection = _READERS.get(path)
    if connection is None:
        connection = _READERS[path] = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables}


def close_readers() -> None:
    """Close the connections :func:`row_counts` keeps: before their project closes, so that the
    project's close is the last one and removes its write-ahead log, as without them."""
    while _READERS:
        _READERS.popitem()[1].close()


def import_hostile(project: Project, case_id: int, folder: Path, name: str,
                   data: bytes) -> FileOutcome:
    """Import one hostile file; it goes in whole or is refused, naming itself, leaving no trace."""
    path = folder / name
    path.write_bytes(data)
    before = row_counts(project.path)
    [outcome] = import_files(project, case_id, [path]).outcomes
    after = row_counts(project.path)
    if outcome.status == "imported":
        assert after["document"] == before["document"] + 1
        return outcome
    if outcome.status == "failed":
        assert outcome.message.startswith(f"{name}:"), outcome.message
    assert after == before, f"a refused file changed the project: {outcome.message}"
    return outcome
