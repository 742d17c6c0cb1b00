"""Every format a researcher brings, written by an independent program, is stored exactly."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from odf.office import Annotation
from odf.opendocument import OpenDocumentText
from odf.text import LineBreak, Note, NoteBody, NoteCitation, P, S, Span, Tab
from sqlalchemy import select

from tests.core.importers.conftest import import_one
from tests.core.importers.writers import (
    SAMPLE,
    pdf_with_font,
    write_docx,
    write_html,
    write_odt,
    write_pdf,
    write_rtf,
)
from workbench.core.importers.registry import read_source
from workbench.core.model import Document
from workbench.core.queries.documents import speaker_turns
from workbench.core.storage import Project

WRITERS: dict[str, Callable[[Path], Path]] = {
    "interview.docx": write_docx, "interview.odt": write_odt, "interview.pdf": write_pdf,
    "interview.rtf": write_rtf, "interview.html": write_html,
}


def _stored(project: Project, document_id: int) -> Document:
    with project.reading() as session:
        return session.scalars(select(Document).where(Document.id == document_id)).one()


@pytest.mark.parametrize("name", WRITERS)
def test_each_format_is_stored_exactly_with_its_properties_and_turns(
        project_with_case: tuple[Project, int], tmp_path: Path, name: str) -> None:
    project, case = project_with_case
    path = WRITERS[name](tmp_path / name)

    outcome = import_one(project, case, path)

    assert outcome.status == "imported", outcome.message
    document = _stored(project, outcome.document_id)
    assert document.text == SAMPLE
    assert (document.title, document.interviewer, document.source_name) == (
        "Gesprek met Zoë", "Lotte", name)
    if not name.endswith(".html"):
        assert document.recorded_on == date(2016, 3, 5)
    with project.reading() as session:
        turns = speaker_turns(session, document.id)
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("Interviewer", "00:00:12"), ("Zoë", "00:00:20"), ("Interviewer", "00:01:05")]


@pytest.mark.parametrize(("encode", "label"), [
    (lambda text: text.encode("utf-8"), "UTF-8"),
    (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "UTF-8 (BOM)"),
    (lambda text: text.encode("utf-16"), "UTF-16 LE"),
    (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "UTF-16 BE"),
])
def test_text_files_in_unicode_encodings(project_with_case: tuple[Project, int], tmp_path: Path,
                                         encode: Callable[[str], bytes], label: str) -> None:
    project, case = project_with_case
    path = tmp_path / "gesprek.md"
    path.write_bytes(encode(SAMPLE.replace("\n", "\r\n")))

    outcome = import_one(project, case, path)

    document = _stored(project, outcome.document_id)
    assert (document.text, document.encoding) == (SAMPLE, label)


def test_a_windows_1252_file_is_read_as_such_and_says_so(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    text = "Zoë: “Ça va”, zei ze – één keer per week… en dat kost €5."
    path = tmp_path / "oud.txt"
    path.write_bytes(text.encode("cp1252"))

    outcome = import_one(project, case, path)

    assert outcome.status == "imported"
    assert "read as Windows-1252, not UTF-8" in outcome.message
    document = _stored(project, outcome.document_id)
    assert (document.text, document.encoding) == (text, "Windows-1252")


def test_text_is_stored_in_nfc_with_newline_line_ends(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    path = tmp_path / "nfd.txt"
    path.write_text("Zoe\u0308 zei: ide\u0301e.\r\nTweede regel.\rDerde.", encoding="utf-8",
                    newline="")
    document = _stored(project, import_one(project, case, path).document_id)
    assert document.text == "Zoë zei: idée.\nTweede regel.\nDerde."


def test_docx_comments_lists_and_hidden_text_stay_out_of_the_body(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Veldnotitie", level=2)
    paragraph = document.add_paragraph("We kookten samen.")
    document.add_comment(paragraph.runs, text="Opmerking van de coder", author="Lotte")
    hidden = document.add_paragraph("Zichtbaar").add_run(" verborgen")
    hidden.font.hidden = True
    for item in ("rijst", "uien"):
        document.add_paragraph(item, style="List Bullet")
    for item in ("snijden", "koken", "delen"):
        document.add_paragraph(item, style="List Number")
    document.save(tmp_path / "notitie.docx")

    text = read_source(tmp_path / "notitie.docx").text

    assert text == ("Veldnotitie\n\nWe kookten samen.\n\nZichtbaar\n\n• rijst\n\n• uien\n\n"
                    "1. snijden\n\n2. koken\n\n3. delen")


def test_rtf_footnotes_stay_out_and_list_markers_stay_in(tmp_path: Path) -> None:
    path = tmp_path / "notitie.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}{\\f3\\fcharset2 Symbol;}}"
        "\\pard Caf\\'e9 De Kroon{\\super\\chftn}{\\footnote\\pard\\chftn Zie bijlage.}\\par"
        "{\\listtext\\pard\\f3\\'b7\\tab}\\pard\\ls1 koffie\\par"
        "{\\listtext\\pard 2.\\tab}\\pard\\ls2 thee {\\field{\\*\\fldinst HYPERLINK "
        "\"https://example.org\"}{\\fldrslt website}}\\par"
        "{\\*\\annotation commentaar}\\pard Einde\\u-10179\\u-8638?.\\par}", encoding="ascii")
    assert read_source(path).text == "Café De Kroon\n\n• koffie\n\n2. thee website\n\nEinde🙂."


def test_rtf_bytes_follow_the_code_page_of_the_document_and_of_the_font(tmp_path: Path) -> None:
    path = tmp_path / "brno.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1250{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset204 Arial;}}"
        "\\pard Ko\\'9aice {\\f1 \\'cc\\'ee\\'f1\\'ea\\'e2\\'e0}\\par}",
        encoding="ascii",
    )
    assert read_source(path).text == "Košice Москва"


def test_pdf_line_ends_are_joined_and_safe_hyphenation_repaired(tmp_path: Path) -> None:
    lines = ["De werk-", "gevers van de dag- en nacht-", "ploeg en de WhatsApp-",
             "groep in Oost-", "Vlaanderen: een WhatsApp-groep."]
    pdf = pdf_with_font(tmp_path, "".join(lines) + "Nieuwe alinea op Pagina 12.")
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.cell(0, 6, "Nieuwe alinea op pagina 1.", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 6, "Pagina 2.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "lijnen.pdf"))

    extracted = read_source(tmp_path / "lijnen.pdf")

    assert extracted.text == (
        "De werkgevers van de dag- en nachtploeg en de WhatsApp-groep in Oost-Vlaanderen: "
        "een WhatsApp-groep.\n\nNieuwe alinea op pagina 1.\n\nPagina 2.")
    assert "2 word(s) hyphenated at line ends joined" in extracted.notes


def test_odt_whitespace_rules_hold_and_notes_and_comments_stay_out(tmp_path: Path) -> None:
    document = OpenDocumentText()
    paragraph = P(text="Zoë:   we  kookten")
    paragraph.addElement(S(c=3))
    paragraph.addElement(Span(text="samen"))
    paragraph.addElement(Tab())
    paragraph.addText("(lacht)")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Voetnoot: niet in de tekst."))
    note.addElement(body)
    paragraph.addElement(note)
    comment = Annotation()
    comment.addElement(P(text="Commentaar van Lotte."))
    paragraph.addElement(comment)
    paragraph.addElement(LineBreak())
    paragraph.addText("tweede\u00a0regel")
    document.text.addElement(paragraph)
    document.save(str(tmp_path / "notitie.odt"))

    assert read_source(tmp_path / "notitie.odt").text == (
        "Zoë: we kookten   samen\t(lacht)\ntweede\u00a0regel")


def test_html_in_a_declared_legacy_encoding_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "verslag.htm"
    path.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; '
                     'charset=windows-1252"></head><body><p>Café&nbsp;De Kroon – ideeën'
                     '</p><ol start="3"><li>één</li><li>twee</li></ol></body></html>'
                     .encode("cp1252"))
    extracted = read_source(path)
    assert extracted.text == "Café\u00a0De Kroon – ideeën\n\n3. één\n\n4. twee"
    assert extracted.encoding == "Windows-1252"
