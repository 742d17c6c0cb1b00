"""A researcher imports hostile files of every supported kind: each goes in whole, or is refused
with a message naming it, and the project is left as it was. Nothing else may escape."""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import damaged, fuzz_settings, members_of, repacked, xml_text, zipped
from tests.fuzz.importing import close_readers, import_hostile, seed
from workbench.core.errors import ImportFileError
from workbench.core.importers.registry import read_source, supported_suffixes
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.storage import Project

SUFFIXES = supported_suffixes()
PACKAGED = [".docx", ".odt"]
SEEDED = [".docx", ".odt", ".pdf", ".rtf", ".html"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]
BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, int, Path]]:
    """A project with one case, and a folder for the hostile files."""
    folder = tmp_path_factory.mktemp("hostile")
    with create_project(folder / "study.cwb") as project:
        yield project, create_case(project, "Veldwerk").subject.id, folder
        close_readers()  # first: the project, closed last, then removes its log


@fuzz_settings()
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=2048))
def test_random_bytes_under_any_extension(target, suffix: str, data: bytes) -> None:
    import_hostile(*target, f"random{suffix}", data)


@fuzz_settings()
@given(st.data())
def test_damaged_valid_files(target, data: st.DataObject) -> None:
    suffix = data.draw(st.sampled_from(SEEDED))
    import_hostile(*target, f"damaged{suffix}", data.draw(damaged(seed(suffix))))


@fuzz_settings()
@given(st.data())
def test_packages_with_missing_renamed_doubled_or_garbled_parts(target, data: st.DataObject
                                                               ) -> None:
    suffix = data.draw(st.sampled_from(PACKAGED))
    import_hostile(*target, f"repacked{suffix}", data.draw(repacked(seed(suffix))))


@fuzz_settings()
@given(text=st.text(max_size=300), encoding=st.sampled_from(ENCODINGS),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text_in_every_encoding(target, text: str, encoding: str,
                                       suffix: str) -> None:
    data = BOMS.get(encoding, b"") + text.encode(encoding, errors="replace")
    import_hostile(*target, f"text{suffix}", data)


# -- RTF and HTML built from their own vocabulary ----------------------------------------------

RTF_WORDS = ["par", "pard", "cell", "row", "intbl", "u", "uc", "bin", "ansicpg", "f", "fcharset",
             "fonttbl", "info", "title", "author", "creatim", "yr", "mo", "dy", "listtext",
             "pntext", "tab", "line", "emdash", "sect", "page", "nestcell", "pict", "footnote"]
RTF_ARGUMENTS = st.one_of(st.none(), st.integers(-(10**10) + 1, 10**10 - 1),
                          st.sampled_from([0, 1, -1, 65535, 65536, 2147483648, 9999999999]))


def _rtf_token(word: str, argument: int | None, hex_byte: int, text: str, kind: int) -> str:
    return [f"\\{word}{'' if argument is None else argument} ", f"\\'{hex_byte:02x}",
            text.replace("\\", "").replace("{", "").replace("}", ""), "\\*", "\\~", "\\",
            "\r\n"][kind]


# Made-up control words: the strings of from_regex(r"[a-z]{1,8}", fullmatch=True), drawn as text
# (a quarter of the data generation's processor time less; the test draws thousands of them).
RTF_INVENTED = st.text(string.ascii_lowercase, min_size=1, max_size=8)
RTF_TOKENS = st.builds(_rtf_token, st.sampled_from(RTF_WORDS) | RTF_INVENTED, RTF_ARGUMENTS,
                       st.integers(0, 255), st.text(max_size=10), st.integers(0, 6))
RTF_GROUPS = st.recursive(RTF_TOKENS, lambda inner: st.lists(inner, max_size=6).map(
    lambda parts: "{" + "".join(parts) + "}"), max_leaves=40)


@fuzz_settings()
@given(body=st.lists(RTF_GROUPS | st.sampled_from(["{", "}", "{{{{", "}}}}"]), max_size=12),
       close=st.booleans())
def test_rtf_with_random_control_words_and_nesting(target, body: list[str],
                                                  close: bool) -> None:
    rtf = "{\\rtf1\\ansi " + "".join(body) + ("}" if close else "")
    import_hostile(*target, "random.rtf", rtf.encode("utf-8"))


HTML_TAGS = ["p", "div", "br", "li", "ol", "ul", "table", "tr", "td", "th", "pre", "script",
             "style", "head", "title", "meta", "body", "html", "span", "b", "h1", "svg", "math"]
HTML_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["start", "type", "charset", "name", "content", "http-equiv", "class"]),
    st.sampled_from(["1", "-3", "--5", "²", "a", "A", "i", "I", "99999999999999999999",
                     "9" * 5000, "utf-8", "rot13", "author", "date", "2024-13-45"])
    | st.text(max_size=8).map(xml_text), max_size=3)


def _html_element(tag: str, attributes: dict[str, str], children: list[str], text: str) -> str:
    attrs = "".join(f' {key}="{value.replace(chr(34), "")}"' for key, value in attributes.items())
    return f"<{tag}{attrs}>{text}{''.join(children)}</{tag}>"


HTML_LEAF = st.builds(_html_element, st.sampled_from(HTML_TAGS), HTML_ATTRIBUTES, st.just([]),
                      st.text(max_size=12))
HTML_TREES = st.recursive(HTML_LEAF, lambda inner: st.builds(
    _html_element, st.sampled_from(HTML_TAGS), HTML_ATTRIBUTES, st.lists(inner, max_size=4),
    st.text(max_size=12)), max_leaves=30)
CHARSETS = st.sampled_from(["utf-8", "latin-1", "utf-16", "utf-32", "utf-7", "rot13", "base64",
                            "hex", "zlib", "bz2", "uu", "quopri", "idna", "punycode", "undefined",
                            "unicode_escape", "raw_unicode_escape", "cp037", "mbcs", "x-foo",
                            "shift_jis", "utf-8-sig"])


@fuzz_settings()
@given(tree=HTML_TREES, charset=st.none() | CHARSETS, encoding=st.sampled_from(ENCODINGS))
def test_html_with_random_tags_and_charsets(target, tree: str, charset: str | None,
                                            encoding: str) -> None:
    head = f'<meta charset="{charset}">' if charset else ""
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{tree}</body></html>"
    import_hostile(*target, "random.html", page.encode(encoding, errors="replace"))


# -- the classic attacks, in every packaged format -----------------------------------------------

MAIN_PART = {".docx": "word/document.xml", ".odt": "content.xml"}
BOMB = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "lollollollol">'
        + b"".join(b'<!ENTITY %c "%s">' % (98 + n, (b"&%c;" % (97 + n)) * 10) for n in range(8))
        + b"]><r>&i;</r>")
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'


@pytest.mark.parametrize("suffix", PACKAGED)
@pytest.mark.parametrize("part", [BOMB, XXE], ids=["billion laughs", "external entity"])
def test_entity_tricks_inside_a_package_are_refused(target, suffix: str,
                                                    part: bytes) -> None:
    members = [(name, part if name == MAIN_PART[suffix] else data)
               for name, data in members_of(seed(suffix))]
    outcome = import_hostile(*target, f"entities{suffix}", zipped(members))
    assert outcome.status == "failed" and "declares a document type" in outcome.message


@pytest.mark.parametrize("suffix", PACKAGED)
def test_a_huge_declared_size_inside_a_package_is_refused(target,
                                                          suffix: str) -> None:
    package = bytearray(seed(suffix))
    directory = package.rfind(b"PK\x01\x02")  # the last entry of the central directory
    package[directory + 24:directory + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    outcome = import_hostile(*target, f"declared{suffix}", bytes(package))
    assert outcome.status == "failed"


@pytest.mark.parametrize("page", [BOMB.replace(b"<r>&i;</r>", b"<html><body>&i;</body></html>"),
                                  XXE.replace(b"<r>&x;</r>", b"<html><body>&x;</body></html>")],
                         ids=["billion laughs", "external entity"])
def test_entity_tricks_in_a_web_page_expand_nothing(tmp_path: Path, page: bytes) -> None:
    path = tmp_path / "entities.html"
    path.write_bytes(page)
    try:
        text = read_source(path).text
    except ImportFileError as error:
        assert str(error).startswith("entities.html:")
        return
    assert len(text) < 1000 and "root:" not in text
