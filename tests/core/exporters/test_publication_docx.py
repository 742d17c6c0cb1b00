"""A researcher drops the Word exports into a paper unchanged: one test per fault the issue saw."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.core.exporters.test_matrix_xlsx import all_passages
from workbench.core.analysis.agreement.report import AgreementSettings, agreement_report
from workbench.core.analysis.row_kinds import RowKind
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.agreement_docx import write_agreement_docx
from workbench.core.exporters.codebook_docx import write_codebook_docx
from workbench.core.exporters.docx_matrix import CELL_PADDING_CM, CHARACTER_CM
from workbench.core.exporters.docx_page import default_paper
from workbench.core.exporters.layout import heat
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.exporters.options import ExportOptions
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # each test writes and reads back a Word document of the sample

A4 = (Cm(21.0), Cm(29.7))


def body_text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def instructions(part: object) -> str:
    element = part._element  # type: ignore[attr-defined]
    return " ".join(node.text for node in element.iter(qn("w:instrText")))


def fills(table: object) -> dict[str, str]:
    """Each shaded cell's text and its fill."""
    found = {}
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
            if shading is not None and cell.text.isdigit():
                found.setdefault(cell.text, set()).add(shading.get(qn("w:fill")))
    return found


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_PAPER", "nl_BE.UTF-8")
    monkeypatch.setenv("WORKBENCH_CODER", "Lotte Peeters")


def test_paper_is_a4_for_a_european_team_and_letter_for_us_locales(
        sample: Project, tmp_path: Path, dutch: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_paper("nl_BE.UTF-8") == default_paper("de_DE") == "a4"
    assert default_paper("en_US.UTF-8") == default_paper("fr_CA") == "letter"
    matrix = export_matrix(sample, MatrixSpec(), ["count"], "docx", tmp_path / "m.docx")
    codebook = write_codebook_docx(sample, tmp_path / "c.docx")
    with sample.reading() as session:
        report = agreement_report(session, AgreementSettings(("Lotte", "Youssef"), resamples=20))
    write_agreement_docx(report, tmp_path / "a.docx")
    for path, landscape in ((matrix, True), (codebook, False), (tmp_path / "a.docx", True)):
        section = docx.Document(str(path)).sections[0]
        size = (section.page_width, section.page_height)
        expected = A4[::-1] if landscape else A4
        pairs = zip(size, expected, strict=True)
        assert all(abs(got - want) < Cm(0.01) for got, want in pairs), path.name
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    letter = export_matrix(sample, MatrixSpec(), ["count"], "docx", tmp_path / "us.docx")
    assert abs(docx.Document(str(letter)).sections[0].page_height - Cm(21.59)) < Cm(0.01)
    chosen = export_matrix(sample, MatrixSpec(), ["count"], "docx", tmp_path / "a4.docx",
                           options=ExportOptions(paper="a4"))
    assert abs(docx.Document(str(chosen)).sections[0].page_height - Cm(21.0)) < Cm(0.01)


def test_page_numbers_running_header_and_the_user_as_author(
        sample: Project, tmp_path: Path, dutch: None) -> None:
    paths = [export_matrix(sample, MatrixSpec(), ["count"], "docx", tmp_path / "m.docx"),
             write_codebook_docx(sample, tmp_path / "c.docx")]
    for path in paths:
        document = docx.Document(str(path))
        section = document.sections[0]
        assert "PAGE" in instructions(section.footer) and "NUMPAGES" in instructions(
            section.footer)
        header = section.header.paragraphs[0].text
        assert header.startswith("Solidarity in diversity")
        assert datetime.now().strftime("%Y-%m-%d")[:7] in header
        properties = document.core_properties
        assert properties.author == "Lotte Peeters" != "python-docx"
        created = properties.created.replace(tzinfo=properties.created.tzinfo or UTC)
        assert abs(created - datetime.now(UTC)) < timedelta(minutes=10)
        assert properties.title


def test_headings_captions_group_rows_and_quotes_stay_with_what_follows(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(by="place"), ["count", "passages"], "docx",
                         tmp_path / "m.docx")
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    for paragraph in paragraphs:
        if paragraph.style.name.startswith("Heading") or paragraph.text.startswith("Table "):
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
    counts, passages = document.tables
    group = counts.rows[1].cells[0].paragraphs[0]
    assert group.text == "place: work" and group.paragraph_format.keep_with_next
    for row in passages.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # never split across pages
        for cell in row.cells[2:]:
            if cell.text.startswith("“"):
                quote, reference = cell.paragraphs
                assert quote.paragraph_format.keep_with_next and reference.text.startswith("(")
    header = counts.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None


def test_passages_name_their_code_and_coder_and_merge_across_coders(
        sample: Project, tmp_path: Path) -> None:
    wanted = all_passages(sample)
    plain = export_matrix(sample, MatrixSpec(), ["passages"], "docx", tmp_path / "plain.docx")
    merged = export_matrix(sample, MatrixSpec(), ["passages"], "docx", tmp_path / "merged.docx",
                           options=ExportOptions(merge_quotes=True))

    def quotes(path: Path) -> list[tuple[str, str]]:
        table = docx.Document(str(path)).tables[0]
        return [(cell.paragraphs[0].text, cell.paragraphs[1].text) for row in table.rows[1:]
                for cell in row.cells[1:] if cell.text]

    listed = quotes(plain)
    assert len(listed) == len(wanted) == 394
    assert all("; coded by Lotte)" in ref or "; coded by Youssef)" in ref for _q, ref in listed)
    sub_codes = {passage.code.split("/")[-1].split(" (")[0] for passage in wanted}
    assert all(any(f"; {code}; coded by" in ref for code in sub_codes) for _q, ref in listed
               if "/" not in ref)
    once = quotes(merged)
    both = [ref for _q, ref in once if "coded by Lotte, Youssef" in ref
            or "coded by Youssef, Lotte" in ref]
    assert both and len(once) <= len(listed) - len(both)  # one quote for overlapping codings
    texts = [text for text, _ref in once]
    for passage in wanted:  # every passage's words are still quoted
        assert any(" ".join(passage.text.split()) in text for text in texts)


def test_headers_never_break_inside_a_word(sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes"), ["count"], "docx",
                         tmp_path / "codes.docx")
    document = docx.Document(str(path))
    abbreviated = []
    for table in document.tables:
        widths = [column.width.cm for column in table.columns]
        for cell, width in zip(table.rows[0].cells, widths, strict=True):
            room = (width - CELL_PADDING_CM) / CHARACTER_CM
            assert all(len(word) <= room for word in cell.text.split()), (cell.text, width)
            if cell.text.endswith(".") or ". " in cell.text:
                abbreviated.append(cell.text)
    assert abbreviated
    notes = " ".join(p.text for p in document.paragraphs if p.text.startswith("Note."))
    for label in abbreviated:  # each abbreviation spelled out under its table
        assert f"{label} = " in notes


def test_one_shading_scale_for_the_whole_matrix_with_a_legend(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes"), ["count"], "docx",
                         tmp_path / "codes.docx")
    document = docx.Document(str(path))
    seen: dict[str, set[str]] = {}
    for table in document.tables:
        for text, colours in fills(table).items():
            seen.setdefault(text, set()).update(colours)
    assert all(len(colours) == 1 for colours in seen.values())  # a value: one colour anywhere
    highest = max(int(text) for text in seen)
    assert seen[str(highest)] == {heat(highest, highest)}
    darkest = [text for text, colours in seen.items() if heat(highest, highest) in colours]
    assert darkest == [str(highest)]
    legends = [p for p in document.paragraphs if p.text.startswith("Shading:")]
    assert len(legends) == len(document.tables) and str(highest) in legends[0].text


def test_cooccurrence_diagonal_is_not_shaded_and_is_explained(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes"), ["count"], "docx",
                         tmp_path / "co.docx", rows=RowKind.CODES_OVERLAP)
    document = docx.Document(str(path))
    assert len(document.tables) == 1  # codes x codes on one page, columns numbered
    table = document.tables[0]
    for number, row in enumerate(table.rows[1:], start=1):
        diagonal = row.cells[number]
        properties = diagonal._tc.tcPr
        assert properties is None or properties.find(qn("w:shd")) is None
        if diagonal.text != "–":
            assert diagonal.paragraphs[0].runs[0].italic
    note = [p.text for p in document.paragraphs if p.text.startswith("Note.")][0]
    assert "The diagonal (in italics) gives each code's own number of codings" in note
    assert "by the same coder" in note


def test_counts_have_totals_and_presence_counts_the_cases(sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(), ["count", "row_percent", "presence"], "docx",
                         tmp_path / "totals.docx")
    counts, shares, presence = docx.Document(str(path)).tables
    rows = [[cell.text for cell in row.cells] for row in counts.rows]
    assert rows[0][-1] == "Total" and rows[-1][0] == "Total"
    for row in rows[1:-1]:
        assert int(row[-1]) == sum(int(value) for value in row[1:-1] if value.isdigit())
    for row in [[cell.text for cell in row.cells] for row in shares.rows][1:]:
        figures = [float(value.rstrip("%")) for value in row[1:] if value.endswith("%")]
        assert sum(figures) == pytest.approx(100, abs=0.3)  # each case's row adds up
    last = [cell.text for cell in presence.rows[-1].cells]
    assert last[0] == "Cases" and all(value.endswith(" of 6") for value in last[1:])
