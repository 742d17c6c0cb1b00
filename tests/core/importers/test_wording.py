"""What the import and the codebook reader say about odd files (issue 14, point 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.codebooks.qdc import read_codebook
from workbench.core.errors import ImportFileError
from workbench.core.importers.registry import read_source

TRANSCRIPT = "Interviewer: Hoe is de keuken begonnen?\nGriet: We kookten samen, élke zondag.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_said(tmp_path: Path, codec: str) -> None:
    source = tmp_path / "griet.txt"
    source.write_bytes(TRANSCRIPT.encode(codec))
    extracted = read_source(source)
    assert extracted.text == TRANSCRIPT
    label = "UTF-16 LE (no BOM)" if codec.endswith("le") else "UTF-16 BE (no BOM)"
    assert extracted.encoding == label
    assert extracted.notes == [f"read as {label}, not UTF-8"]


def test_html_nested_too_deeply_is_refused_as_such_not_as_empty(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + "Griet: ja." + "</div>" * 100_000
                    + "</body></html>", encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_source(page)
    assert str(refused.value) == ("deep.html: is refused: its structure is nested too deeply to "
                                  "be a normal document.")


def test_duplicate_guids_in_a_codebook_are_renumbered_with_a_warning(tmp_path: Path) -> None:
    guid = "6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f60"
    qdc = tmp_path / "team.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
        f'<Codes><Code guid="{guid}" name="Samen koken" isCodable="true"/>'
        f'<Code guid="{guid.upper()}" name="Samen eten" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8")
    codebook = read_codebook(qdc)
    first, second = codebook.codes
    assert first.uuid == guid and second.uuid != guid
    assert codebook.warnings == ["Code 'Samen eten' had the same GUID as the code 'Samen koken'; "
                                 "it was given a new one."]
