"""Packages written by other tools import with every coding on the words the coder chose."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.core.exchange.packages import SOURCE, package, qde, selection, text_source
from workbench.core.exchange.positions import cp_to_lf, cp_to_utf16
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.model import Code, Coder, Coding, Document
from workbench.core.storage import Project

TEXT = "Interviewer: Hoe begon het? 🍲🙂\r\n\r\nZoë: We kookten samen, élke zondag.\r\n"


def coded_words(path: Path) -> list[tuple[str, str, str]]:
    with Project.open(path) as project, project.reading() as session:
        rows = session.execute(select(Document.text, Coding.start, Coding.end, Code.name,
                                      Coder.name)
                               .join(Coding, Coding.document_id == Document.id)
                               .join(Code, Code.id == Coding.code_id)
                               .join(Coder, Coder.id == Coding.coder_id)).all()
    return [(text[start:end], code, coder) for text, start, end, code, coder in rows]


def test_an_nvivo_windows_package_counts_utf16_units_and_crlf(tmp_path: Path) -> None:
    start = TEXT.index("kookten samen")
    end = start + len("kookten samen")
    xml = qde("NVivo 12.6 (Windows)", text_source(),
              selection(cp_to_utf16(TEXT, start), cp_to_utf16(TEXT, end), name=""))
    source = package(tmp_path / "nvivo.qdpx", xml, {
        f"Sources/{SOURCE}.TXT": b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "sources/.root": b""})

    report = import_qdpx(source, tmp_path / "nvivo.cwb")

    assert coded_words(tmp_path / "nvivo.cwb") == [("kookten samen", "Samen koken", "Lotte")]
    assert any("UTF-16" in warning for warning in report.warnings)


def test_atlas_counts_a_windows_line_end_once_and_its_names_confirm_it(tmp_path: Path) -> None:
    start = TEXT.index("élke zondag")
    xml = qde("ATLAS.ti 23.4 (Windows)", text_source(f"internal://{SOURCE.upper()}.txt"),
              selection(cp_to_lf(TEXT, start), cp_to_lf(TEXT, start + 11), name="élke zondag"),
              namespace="urn:QDA-XML:project:0:4")
    source = package(tmp_path / "atlas.qdpx", xml, {f"sources/{SOURCE}.txt": TEXT.encode()},
                     qde_name="Keuken.qde")

    import_qdpx(source, tmp_path / "atlas.cwb")

    assert coded_words(tmp_path / "atlas.cwb") == [("élke zondag", "Samen koken", "Lotte")]


def test_selection_names_overrule_a_misleading_origin(tmp_path: Path) -> None:
    start = TEXT.index("Zoë")
    xml = qde("SomeTool 1.0", text_source(),
              selection(cp_to_utf16(TEXT, start), cp_to_utf16(TEXT, start + 3), name="Zoë"))
    source = package(tmp_path / "other.qdpx", xml, {f"sources/{SOURCE}.txt": TEXT.encode()})

    import_qdpx(source, tmp_path / "other.cwb")

    assert coded_words(tmp_path / "other.cwb") == [("Zoë", "Samen koken", "Lotte")]


def test_inline_text_and_parts_we_cannot_carry_are_reported(tmp_path: Path) -> None:
    inline = (f'<TextSource guid="{SOURCE}" name="Veldnota"><PlainTextContent>Samen koken in de '
              "buurt.</PlainTextContent>SELECTIONS</TextSource>"
              '<PictureSource guid="b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" name="Foto" '
              'path="internal://foto.jpg"/>')
    sets = ('<Sets><Set guid="c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" name="Groep">'
            f'<MemberSource targetGUID="{SOURCE}"/></Set></Sets>')
    xml = qde("MAXQDA 24", inline, selection(0, 11, name="Samen koken"), extra=sets)
    source = package(tmp_path / "maxqda.qdpx", xml, {})

    report = import_qdpx(source, tmp_path / "maxqda.cwb")

    assert coded_words(tmp_path / "maxqda.cwb") == [("Samen koken", "Samen koken", "Lotte")]
    assert any("picture" in warning for warning in report.warnings)
    assert any("set(s)" in warning for warning in report.warnings)
    assert any("without a case" in warning for warning in report.warnings)


def test_a_bare_qde_reads_its_sources_from_the_folder_beside_it(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / f"{SOURCE}.txt").write_text("Samen koken.", encoding="utf-8")
    (tmp_path / "project.qde").write_text(qde("qc", text_source(), selection(0, 5, "Samen")),
                                          encoding="utf-8")

    import_qdpx(tmp_path / "project.qde", tmp_path / "bare.cwb")

    assert coded_words(tmp_path / "bare.cwb") == [("Samen", "Samen koken", "Lotte")]
