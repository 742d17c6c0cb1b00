"""Files that cannot go in are refused with their name and the reason; the project is untouched."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.core.importers.conftest import import_one
from tests.core.importers.writers import pdf_with_font, write_docx, write_odt, write_pdf
from tests.helpers import table_contents
from workbench.core.storage import Project

BadFile = Callable[[Path], Path]


def _empty(folder: Path) -> Path:
    (folder / "leeg.docx").touch()
    return folder / "leeg.docx"


def _pdf_named_docx(folder: Path) -> Path:
    return write_pdf(folder / "verslag.pdf").rename(folder / "verslag.docx")


def _jpeg_named_txt(folder: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    (folder / "foto.txt").write_bytes(buffer.getvalue())
    return folder / "foto.txt"


def _truncated_docx(folder: Path) -> Path:
    data = write_docx(folder / "heel.docx").read_bytes()
    (folder / "half.docx").write_bytes(data[: len(data) // 2])
    return folder / "half.docx"


def _docx_with_broken_xml(folder: Path) -> Path:
    return _rewrite_member(write_docx(folder / "kapot.docx"), "word/document.xml",
                           lambda xml: xml[: len(xml) // 2])


def _truncated_odt(folder: Path) -> Path:
    data = write_odt(folder / "heel.odt").read_bytes()
    (folder / "half.odt").write_bytes(data[:-200])
    return folder / "half.odt"


def _protected_pdf(folder: Path) -> Path:
    pdf = pdf_with_font(folder, "Geheim interview")
    pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    pdf.multi_cell(0, 6, "Geheim interview")
    pdf.output(str(folder / "geheim.pdf"))
    return folder / "geheim.pdf"


def _scanned_pdf(folder: Path) -> Path:
    Image.new("RGB", (400, 560), "white").save(folder / "scan.png")
    pdf = pdf_with_font(folder, "x")
    pdf.image(str(folder / "scan.png"), x=10, y=10, w=180)
    pdf.output(str(folder / "scan.pdf"))
    return folder / "scan.pdf"


def _binary(folder: Path) -> Path:
    (folder / "opname.txt").write_bytes(bytes(range(256)) * 40)
    return folder / "opname.txt"


def _zip_bomb_docx(folder: Path) -> Path:
    path = write_docx(folder / "bom.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * (8 * 1024 * 1024))
    return path


def _docx_with_entities(folder: Path) -> Path:
    doctype = (b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY xxe SYSTEM '
               b'"file:///etc/passwd">]>')
    return _rewrite_member(write_docx(folder / "entiteiten.docx"), "word/document.xml",
                           lambda xml: xml.replace(b"?>", b"?>" + doctype, 1))


def _docx_with_entities_after_a_comment(folder: Path) -> Path:
    declaration = b'<!-- <w:document> --><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
    return _rewrite_member(write_docx(folder / "verstopt.docx"), "word/styles.xml",
                           lambda xml: xml.replace(b"?>", b"?>" + declaration, 1))


def _encrypted_word_file(folder: Path) -> Path:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    (folder / "beveiligd.docx").write_bytes(header + "EncryptedPackage".encode("utf-16-le"))
    return folder / "beveiligd.docx"


def _rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members[member] = change(members[member])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


BAD_INPUTS: dict[str, tuple[BadFile, str]] = {
    "empty file": (_empty, "leeg.docx: the file is empty."),
    "PDF named .docx": (_pdf_named_docx, "verslag.docx: looks like a PDF, not a Word document; "
                                         "rename it to .pdf to import it."),
    "JPEG named .txt": (_jpeg_named_txt,
                        "foto.txt: looks like a JPEG image, not a plain text file."),
    "truncated docx": (_truncated_docx, "half.docx: is damaged or incomplete (it cannot be opened "
                                        "as a Word document)."),
    "docx with broken XML": (_docx_with_broken_xml, "kapot.docx: is damaged or incomplete (it "
                                                    "cannot be opened as a Word document)."),
    "truncated odt": (_truncated_odt, "half.odt: is damaged or incomplete (it cannot be opened "
                                      "as an OpenDocument text)."),
    "password-protected PDF": (_protected_pdf, "geheim.pdf: is password-protected; remove the "
                                               "password and import it again."),
    "scanned PDF": (_scanned_pdf, "scan.pdf: has no text layer (it looks like a scan): run OCR "
                                  "first, then import the result."),
    "binary file": (_binary, "opname.txt: is a binary file, not a plain text file."),
    "zip bomb": (_zip_bomb_docx, "bom.docx: is refused for safety: its part "
                                 "'word/media/padding.bin' unpacks"),
    "external entities": (_docx_with_entities, "entiteiten.docx: is refused for safety: its part "
                                                "'word/document.xml' declares a document type or "
                                                "entities"),
    "entities behind a comment": (_docx_with_entities_after_a_comment,
                                  "verstopt.docx: is refused for safety: its part "
                                  "'word/styles.xml' declares a document type or entities"),
    "password-protected Word file": (_encrypted_word_file, "beveiligd.docx: is password-protected"),
}


@pytest.mark.parametrize("bad", BAD_INPUTS)
def test_a_bad_file_is_refused_clearly_and_changes_nothing(
        project_with_case: tuple[Project, int], tmp_path: Path, bad: str) -> None:
    project, case = project_with_case
    make, message = BAD_INPUTS[bad]
    folder = tmp_path / "bronnen"
    folder.mkdir()
    path = make(folder)
    before = table_contents(project.path)

    outcome = import_one(project, case, path)

    assert outcome.status == "failed"
    assert outcome.message.startswith(message)
    assert "\n" not in outcome.message
    assert table_contents(project.path) == before


@pytest.mark.slow
def test_a_file_over_the_size_limit_is_refused(project_with_case: tuple[Project, int],
                                              tmp_path: Path) -> None:
    project, case = project_with_case
    path = tmp_path / "lang.txt"
    path.write_text("Interviewer: Hoe lang?\n" * 200_000, encoding="utf-8")
    before = table_contents(project.path)

    outcome = import_one(project, case, path, size_limit=4 * 1048576)

    assert outcome.message == "lang.txt: the file is 4.4 MB, over the limit of 4 MB."
    assert table_contents(project.path) == before
    assert import_one(project, case, path).status == "imported"  # the default limit is 50 MB
