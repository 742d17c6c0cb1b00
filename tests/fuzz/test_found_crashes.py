"""Every crash the fuzzers found, pinned: each hostile file is now read or clearly refused."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fuzz.hostile import members_of, zipped
from tests.fuzz.importing import seed
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.importers.job import import_files
from workbench.core.importers.registry import read_source
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project, load_codebook


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def read(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path).text


def with_part(suffix: str, part: str, change: Callable[[str], str]) -> bytes:
    """The seed document of ``suffix`` with one part changed by ``change(text) -> text``."""
    members = [(name, change(data.decode()).encode() if name == part else data)
               for name, data in members_of(seed(suffix))]
    return zipped(members)


# -- HTML ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "punycode", "idna", "undefined",
                                     "unicode_escape"])
def test_a_page_declaring_a_python_codec_that_is_no_charset_is_read_by_the_text_rule(
        tmp_path: Path, charset: str) -> None:
    """Was LookupError (rot13, base64, zlib), UnicodeError (punycode, idna, undefined) or a
    DeprecationWarning (unicode_escape on a backslash) escaping the import."""
    text = read(tmp_path, "codec.html", page("<p>Zoë \\ café</p>", f'<meta charset="{charset}">'))
    assert text == "Zoë \\ café"


@pytest.mark.parametrize(("start", "kind", "marker"), [
    ("99999999999999", "i", "i."),  # was a hang: 10**14 roman thousands; now starts at 1
    ("5000", "I", "5000."),  # roman numerals stop at 3999; decimal beyond
    ("²", "1", "1."),  # was ValueError: '²'.isdigit() but int('²') fails
    ("--5", "1", "1."),  # was ValueError
    ("9" * 5000, "1", "1."),  # was ValueError: too many digits for int()
])
def test_a_hostile_list_start_does_not_hang_or_crash(tmp_path: Path, start: str, kind: str,
                                                     marker: str) -> None:
    text = read(tmp_path, "list.html", page(f'<ol start="{start}" type="{kind}"><li>x</li></ol>'))
    assert text == f"{marker} x"


# -- RTF -----------------------------------------------------------------------------------------

def test_an_rtf_creation_year_past_a_c_int_is_ignored(tmp_path: Path) -> None:
    """Was OverflowError from date(9999999999, 1, 1)."""
    rtf = b"{\\rtf1{\\info{\\creatim\\yr9999999999\\mo1\\dy1}}Hallo\\par}"
    path = tmp_path / "year.rtf"
    path.write_bytes(rtf)
    assert read_source(path).recorded_on is None


# -- OpenDocument --------------------------------------------------------------------------------

@pytest.mark.parametrize("element", [
    '<text:s text:c="9999999999"/>',  # was a 10 GB string of spaces (MemoryError or a hang)
    '<text:s text:c="x"/>',  # was ValueError
])
def test_a_hostile_odt_space_count(tmp_path: Path, element: str) -> None:
    data = with_part(".odt", "content.xml", lambda xml: xml.replace(
        "</text:h>", f"{element}</text:h>", 1))
    assert read(tmp_path, "spaces.odt", data).startswith("Interview met Zoë")


def test_a_hostile_odt_repeat_count_and_list_level(tmp_path: Path) -> None:
    """Were ValueError from int() on table:number-columns-repeated and text:level."""
    def spoil(xml: str) -> str:
        return xml.replace("<table:table-cell>", '<table:table-cell '
                           'table:number-columns-repeated="many">', 1).replace(
            "<office:automatic-styles/>", '<office:automatic-styles><text:list-style '
            'style:name="L1" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">'
            '<text:list-level-style-number text:level="one" text:start-value="²"/>'
            "</text:list-style></office:automatic-styles>")
    assert "Naam\tRol" in read(tmp_path, "counts.odt", with_part(".odt", "content.xml", spoil))


# -- Word ----------------------------------------------------------------------------------------

def test_a_docx_whose_properties_part_is_mislabelled_still_gives_its_text(tmp_path: Path) -> None:
    """Was AttributeError from python-docx's core_properties, outside our guard; then a refusal.
    Only the title, author and date live there: the text is read, the title is the file's."""
    data = with_part(".docx", "[Content_Types].xml", lambda xml: re.sub(
        r'<Override[^>]*docProps/core.xml[^>]*/>', "", xml))
    path = tmp_path / "mislabelled.docx"
    path.write_bytes(data)
    extracted = read_source(path)
    assert extracted.title == "mislabelled" and extracted.interviewer == ""
    assert "Wat betekent het café" in extracted.text


def test_a_docx_with_a_hostile_list_level_and_start(tmp_path: Path) -> None:
    """Were ValueError from int() on w:ilvl and w:start."""
    def spoil(xml: str) -> str:
        return xml.replace('<w:pPr><w:pStyle w:val="ListNumber"/>', '<w:pPr><w:pStyle '
                           'w:val="ListNumber"/><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/>'
                           "</w:numPr>", 1)
    text = read(tmp_path, "levels.docx", with_part(".docx", "word/document.xml", spoil))
    assert "Wat betekent het café" in text


# -- REFI-QDA ------------------------------------------------------------------------------------

EMPTY_COLOUR_CODE = ('<Code guid="00000000-0000-4000-8000-000000000001" name="Samen" '
                     'isCodable="true" color=""/>')


def test_a_qdpx_code_with_an_empty_colour_is_imported_without_one(tmp_path: Path) -> None:
    """Was DomainError ("'' is not a colour") from deep in the import, naming no file."""
    qde = ('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>'
           f"{EMPTY_COLOUR_CODE}</Codes></CodeBook></Project>")
    source = tmp_path / "colour.qdpx"
    source.write_bytes(zipped([("project.qde", qde.encode())]))
    assert import_qdpx(source, tmp_path / "colour.cwb").counts["codes"] == 1


def test_a_codebook_code_with_an_empty_colour_loads_without_one(tmp_path: Path) -> None:
    """Was DomainError ("'' is not a colour") when the codebook was loaded."""
    path = tmp_path / "colour.qdc"
    path.write_text(f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{EMPTY_COLOUR_CODE}'
                    "</Codes></CodeBook>")
    with create_project(tmp_path / "mine.cwb") as project:
        assert len(load_codebook(project, read_codebook(path)).created) == 1


def test_a_qdpx_source_cut_short_in_utf16_is_imported_with_a_warning(tmp_path: Path) -> None:
    """Was UnicodeDecodeError ("truncated data") escaping the import."""
    qde = ('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource '
           'guid="00000000-0000-4000-8000-000000000002" name="Zoë" '
           'plainTextPath="internal://zoe.txt"/></Sources></Project>')
    text = "Zoë: veel.".encode("utf-16")[:-1]
    source = tmp_path / "cut.qdpx"
    source.write_bytes(zipped([("project.qde", qde.encode()), ("sources/zoe.txt", text)]))
    report = import_qdpx(source, tmp_path / "cut.cwb")
    assert report.counts["documents"] == 1
    assert any("damaged UTF-16" in warning for warning in report.warnings)


def test_a_refusal_by_the_project_still_names_the_file(tmp_path: Path) -> None:
    """A file named ' .txt' has no title to give its document; the refusal names the file."""
    path = tmp_path / " .txt"
    path.write_text("Zoë: veel.")
    with create_project(tmp_path / "mine.cwb") as project:
        case = create_case(project, "Zoë").subject.id
        [outcome] = import_files(project, case, [path]).outcomes
    assert outcome.status == "failed" and outcome.message.startswith(" .txt: ")


def test_parts_with_long_comment_prologs_are_checked_in_linear_time(tmp_path: Path) -> None:
    """Was seconds per part (the prolog rescanned every 2 KB): ten parts took half a minute."""
    padding = [(f"customXml/padding{n}.xml", b"<!--x-->" * 130_000 + b"<r/>") for n in range(10)]
    path = tmp_path / "comments.docx"
    path.write_bytes(zipped(members_of(seed(".docx")) + padding))
    started = time.perf_counter()
    assert "Interview met Zoë" in read_source(path).text
    assert time.perf_counter() - started < 5
