"""The import's first guess at each file's kind and date, from its name and its content."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from workbench.core.importers.guess_kind import date_from_name, guess_from_name, guess_kind
from workbench.core.model import DocumentKind

FIELDNOTE, INTERVIEW, OTHER = DocumentKind.FIELDNOTE, DocumentKind.INTERVIEW, DocumentKind.OTHER


@pytest.mark.parametrize(("name", "kind"), [
    ("Veldnotitie zaterdag.docx", FIELDNOTE), ("2015-03-14_fieldnote_buurthuis.txt", FIELDNOTE),
    ("field notes week 2.rtf", FIELDNOTE), ("Observatie refter.pdf", FIELDNOTE),
    ("notities Griet.md", FIELDNOTE), ("Interview 3 - Griet.docx", INTERVIEW),
    ("transcriptie_focusgroep.odt", INTERVIEW), ("Gesprek met Zoë.vtt", INTERVIEW),
    ("GRIET.docx", None), ("zaterdag.txt", None),
])
def test_a_files_name_suggests_its_kind(name: str, kind: DocumentKind | None) -> None:
    guess = guess_from_name(name)
    assert (guess.kind if guess else None) == kind


def test_without_a_hint_in_the_name_the_content_decides(tmp_path: Path) -> None:
    transcript = docx.Document()
    for line in ("INTERVIEWER", "Hoe begon het?", "GRIET", "Met koffie.", "INTERVIEWER",
                 "En nu?", "GRIET", "Drie panden."):
        transcript.add_paragraph(line)
    transcript.save(tmp_path / "griet.docx")
    (tmp_path / "zaterdag.txt").write_text(
        "Datum: 14 maart 2015\nPlaats: buurthuis\n\nIk kom om 8u25 aan.", encoding="utf-8")
    (tmp_path / "beleid.txt").write_text("Het stedelijk beleidsplan 2015-2020.", encoding="utf-8")
    (tmp_path / "kapot.docx").write_bytes(b"not a zip")

    guesses = {name: guess_kind(tmp_path / name)
               for name in ("griet.docx", "zaterdag.txt", "beleid.txt", "kapot.docx")}

    assert {name: guess.kind for name, guess in guesses.items()} == {
        "griet.docx": INTERVIEW, "zaterdag.txt": FIELDNOTE, "beleid.txt": OTHER,
        "kapot.docx": OTHER}
    assert guesses["griet.docx"].reason == "its speaker turns"
    assert guesses["zaterdag.txt"].reason == "its text (datum)"


def test_a_date_in_the_name_is_offered() -> None:
    assert date_from_name("2015-03-14 veldnotitie.docx") == date(2015, 3, 14)
    assert date_from_name("interview_20160305_zoe.docx") == date(2016, 3, 5)
    assert date_from_name("interview 3.docx") is None
    assert date_from_name("2015-13-40 rommel.txt") is None
