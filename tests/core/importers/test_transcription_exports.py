"""Word exports of transcription services, and what a file's author property may say."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from tests.core.importers.conftest import import_one
from workbench.core.importers.authors import person_or_blank
from workbench.core.queries.documents import describe_documents, speaker_turns
from workbench.core.storage import Project


def _otter(document: docx.document.Document) -> None:
    """Otter and Teams: "Name  0:03" on its own paragraph, the text in the next."""
    for name, time, said in (("Speaker 1", "0:03", "Hoe begon het?"),
                             ("Speaker 2", "0:09", "Met koffie, in 2012."),
                             ("Speaker 1", "1:02:33", "En nu?")):
        document.add_paragraph(f"{name}  {time}")
        document.add_paragraph(said)


def _amberscript(document: docx.document.Document) -> None:
    """Time first, then the speaker, on one line; the text below in the same paragraph."""
    for name, time, said in (("Speaker 1", "00:00:03", "Hoe begon het?"),
                             ("Speaker 2", "00:00:09", "Met koffie, in 2012."),
                             ("Speaker 1", "01:02:33", "En nu?")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{time} ")
        paragraph.add_run(name).bold = True
        paragraph.add_run().add_break(WD_BREAK.LINE)
        paragraph.add_run(said)


def _happy_scribe(document: docx.document.Document) -> None:
    """Speaker and time separated by a tab, the time in brackets; the text below."""
    for name, time, said in (("Speaker 1", "00:00:03", "Hoe begon het?"),
                             ("Speaker 2", "00:00:09", "Met koffie, in 2012."),
                             ("Speaker 1", "01:02:33", "En nu?")):
        document.add_paragraph(f"{name}\t[{time}]")
        document.add_paragraph(said)


def _teams(document: docx.document.Document) -> None:
    """Teams: the cue's timing, the speaker and the text, one paragraph with line breaks."""
    for name, time, said in (("Speaker 1", "0:0:3.0 --> 0:0:5.120", "Hoe begon het?"),
                             ("Speaker 2", "0:0:9.0 --> 0:0:12.0", "Met koffie, in 2012."),
                             ("Speaker 1", "1:2:33.0 --> 1:2:35.500", "En nu?")):
        paragraph = document.add_paragraph()
        for number, line in enumerate((time, name, said)):
            run = paragraph.add_run(line)
            if number < 2:
                run.add_break(WD_BREAK.LINE)


EXPORTS = {
    "teams.docx": (_teams, "0:0:3.0 --> 0:0:5.120\nSpeaker 1\nHoe begon het?\n\n"
                   "0:0:9.0 --> 0:0:12.0\nSpeaker 2\nMet koffie, in 2012.\n\n"
                   "1:2:33.0 --> 1:2:35.500\nSpeaker 1\nEn nu?",
                   ["0:0:3.0", "0:0:9.0", "1:2:33.0"]),
    "otter.docx": (_otter, "Speaker 1  0:03\n\nHoe begon het?\n\nSpeaker 2  0:09\n\n"
                   "Met koffie, in 2012.\n\nSpeaker 1  1:02:33\n\nEn nu?",
                   ["0:03", "0:09", "1:02:33"]),
    "amberscript.docx": (_amberscript, "00:00:03 Speaker 1\nHoe begon het?\n\n"
                         "00:00:09 Speaker 2\nMet koffie, in 2012.\n\n01:02:33 Speaker 1\nEn nu?",
                         ["00:00:03", "00:00:09", "01:02:33"]),
    "happyscribe.docx": (_happy_scribe, "Speaker 1\t[00:00:03]\n\nHoe begon het?\n\n"
                         "Speaker 2\t[00:00:09]\n\nMet koffie, in 2012.\n\n"
                         "Speaker 1\t[01:02:33]\n\nEn nu?", ["00:00:03", "00:00:09", "01:02:33"]),
}


@pytest.mark.parametrize("name", EXPORTS)
def test_a_transcription_services_word_export_imports_as_timed_turns(
        project_with_case: tuple[Project, int], tmp_path: Path, name: str) -> None:
    project, case = project_with_case
    write, text, times = EXPORTS[name]
    document = docx.Document()
    write(document)
    document.save(tmp_path / name)

    outcome = import_one(project, case, tmp_path / name)

    assert outcome.status == "imported", outcome.message
    with project.reading() as session:
        [stored] = describe_documents(session, with_text=True)
        turns = speaker_turns(session, stored.id)
    assert stored.text == text
    assert [(t.speaker, t.timestamp) for t in turns] == list(zip(
        ["Speaker 1", "Speaker 2", "Speaker 1"], times, strict=True))
    assert [text[t.start:t.end] for t in turns] == [
        "Hoe begon het?", "Met koffie, in 2012.", "En nu?"]


@pytest.mark.parametrize("author", [
    None, "python-docx", "Microsoft Office User", "Microsoft Office-gebruiker", "LibreOffice",
    "LibreOffice 7.3", "Apache POI", "Writer", "Author", "Unknown", "Administrator", "User", "",
    "   ", "Utilisateur de Microsoft Office", "Windows User"])
def test_a_programs_name_never_becomes_the_interviewer(
        project_with_case: tuple[Project, int], tmp_path: Path, author: str | None) -> None:
    project, case = project_with_case
    document = docx.Document()  # python-docx's own template names "python-docx" as author
    if author is not None:
        document.core_properties.author = author
    document.add_paragraph("Ik kom om 8u25 aan.")
    document.save(tmp_path / "notitie.docx")

    outcome = import_one(project, case, tmp_path / "notitie.docx")

    with project.reading() as session:
        [stored] = describe_documents(session)
    assert (outcome.status, stored.interviewer) == ("imported", "")


def test_a_persons_name_stays_the_interviewer() -> None:
    assert person_or_blank("  Lotte   Vermeulen ") == "Lotte Vermeulen"
    assert person_or_blank("Youssef") == "Youssef"
    assert person_or_blank("Microsoft Office-gebruiker") == ""


def test_a_dutch_transcript_with_names_alone_in_capitals_gets_its_turns(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    document = docx.Document()
    document.add_heading("Interview Griet, 14 november 2019", level=1)
    for line in ("INTERVIEWER", "Hoe is het begonnen?", "GRIET", "Met koffie, in de keuken.",
                 "Daarna kwamen de buren.", "INTERVIEWER", "En nu?", "GRIET", "Drie panden."):
        document.add_paragraph(line)
    document.save(tmp_path / "interview griet.docx")

    outcome = import_one(project, case, tmp_path / "interview griet.docx")

    with project.reading() as session:
        [stored] = describe_documents(session, with_text=True)
        turns = speaker_turns(session, stored.id)
    assert outcome.status == "imported"
    assert stored.text == (
        "Interview Griet, 14 november 2019\n\nINTERVIEWER\n\nHoe is het begonnen?\n\nGRIET\n\n"
        "Met koffie, in de keuken.\n\nDaarna kwamen de buren.\n\nINTERVIEWER\n\nEn nu?\n\n"
        "GRIET\n\nDrie panden.")
    assert [(t.speaker, stored.text[t.start:t.end]) for t in turns] == [
        ("INTERVIEWER", "Hoe is het begonnen?"),
        ("GRIET", "Met koffie, in de keuken.\n\nDaarna kwamen de buren."),
        ("INTERVIEWER", "En nu?"), ("GRIET", "Drie panden.")]


def test_a_fieldnote_with_headings_in_capitals_gets_no_turns(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    document = docx.Document()
    for heading, text in (("CONTEXT", "Het buurthuis ligt aan de Dampoort."),
                          ("OBSERVATIE", "Om negen uur komen de eerste bezoekers."),
                          ("GESPREKKEN", "Griet vertelt over de tuin."),
                          ("REFLECTIE", "De sfeer was open.")):
        document.add_paragraph(heading)
        document.add_paragraph(text)
    document.save(tmp_path / "zaterdag.docx")

    import_one(project, case, tmp_path / "zaterdag.docx")

    with project.reading() as session:
        [stored] = describe_documents(session)
    assert stored.speaker_turns == 0
