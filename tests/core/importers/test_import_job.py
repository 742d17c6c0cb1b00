"""Importing a folder of fieldwork: each file on its own, failures reported, cancellable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from tests.core.importers.writers import write_pdf
from tests.helpers import table_contents
from workbench.core.importers.job import DocumentDetails, import_files
from workbench.core.jobs import JobControl
from workbench.core.model import Document, SpeakerTurn
from workbench.core.queries.documents import describe_documents
from workbench.core.queries.search import search_documents
from workbench.core.storage import Project


def _transcript(number: int) -> str:
    return (f"Interviewer: Wat deed je op dag {number}?\n\n"
            f"R{number}: We kookten samen, élke dag {number} 🍲.\n\nInterviewer: En daarna?")


def _folder_of_fifty(folder: Path) -> list[Path]:
    """47 good files (text and Word, some in a sub-folder) and 3 broken ones."""
    folder.mkdir()
    (folder / "week 2").mkdir()
    for number in range(47):
        where = folder / ("week 2" if number % 2 else "")
        if number % 3:
            (where / f"gesprek-{number:02}.txt").write_text(_transcript(number), encoding="utf-8")
        else:
            document = docx.Document()
            for paragraph in _transcript(number).split("\n\n"):
                document.add_paragraph(paragraph)
            document.save(where / f"gesprek-{number:02}.docx")
    (folder / "gesprek-90-leeg.txt").touch()
    (folder / "week 2" / "gesprek-91-binair.txt").write_bytes(b"\x00\x01\x02" * 100)
    write_pdf(folder / "gesprek-92.pdf").rename(folder / "gesprek-92.docx")
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff")  # not an importable type: left alone
    return sorted(p for p in folder.rglob("*") if p.suffix != ".jpg" and p.is_file())


@pytest.mark.slow
def test_fifty_files_with_three_broken_ones(project_with_case: tuple[Project, int],
                                           tmp_path: Path) -> None:
    project, case = project_with_case
    _folder_of_fifty(tmp_path / "veldwerk")
    progress: list[tuple[int, int, str]] = []

    report = import_files(project, case, [tmp_path / "veldwerk"],
                          details=DocumentDetails(kind="interview", interviewer="Youssef",
                                                  recorded_on=date(2016, 3, 5)),
                          control=JobControl(lambda *step: progress.append(step)))

    assert report.summary == "47 imported, 0 skipped, 3 failed"
    assert {o.path.name: o.message for o in report.with_status("failed")} == {
        "gesprek-90-leeg.txt": "gesprek-90-leeg.txt: the file is empty.",
        "gesprek-91-binair.txt": "gesprek-91-binair.txt: is a binary file, not a plain text file.",
        "gesprek-92.docx": "gesprek-92.docx: looks like a PDF, not a Word document; rename it to "
                           ".pdf to import it.",
    }
    assert [step[:2] for step in progress] == [(n, 50) for n in range(50)] + [(50, 50)]
    with project.reading() as session:
        rows = describe_documents(session)
        hits = search_documents(session, '"élke dag 17"')
    assert len(rows) == 47
    assert {(r.kind, r.interviewer, r.recorded_on, r.speaker_turns) for r in rows} == {
        ("interview", "Youssef", date(2016, 3, 5), 3)}
    assert [hit.document for hit in hits] == ["gesprek-17"]


@pytest.mark.slow
def test_cancelling_half_way_leaves_only_whole_documents(project_with_case: tuple[Project, int],
                                                         tmp_path: Path) -> None:
    project, case = project_with_case
    files = _folder_of_fifty(tmp_path / "veldwerk")
    # The researcher presses Cancel while the 26th file is being imported.
    control = JobControl(lambda done, total, name: control.cancel() if done == 25 else None)

    report = import_files(project, case, files, control=control)

    assert report.cancelled and len(report.outcomes) == 26
    assert report.summary.endswith("(cancelled)")
    with project.reading() as session:
        stored = {d.source_name: d.text for d in session.scalars(select(Document))}
        turns = session.scalar(select(func.count()).select_from(SpeakerTurn))
    imported = {o.path.name for o in report.with_status("imported")}
    assert set(stored) == imported
    for path in files:
        if path.name in stored and path.suffix == ".txt":
            assert stored[path.name] == path.read_text(encoding="utf-8")
    assert turns == 3 * len(stored)


def test_the_same_file_twice_is_skipped_by_its_content(project_with_case: tuple[Project, int],
                                                       tmp_path: Path) -> None:
    project, case = project_with_case
    first = tmp_path / "interview.txt"
    first.write_text(_transcript(1), encoding="utf-8")
    copy = tmp_path / "kopie van interview.txt"
    copy.write_text(_transcript(1).replace("\n", "\r\n"), encoding="utf-8-sig")
    import_files(project, case, [first])
    before = table_contents(project.path)

    report = import_files(project, case, [first, copy])

    assert report.summary == "0 imported, 2 skipped, 0 failed"
    assert report.outcomes[1].message == (
        "'kopie van interview' is already in case 'Woonkollektief Tussenruimte' as 'interview' "
        "(same text); skipped.")
    assert table_contents(project.path) == before


def test_file_properties_fill_in_what_the_researcher_left_open(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    document = docx.Document()
    document.core_properties.author = "Lotte"
    document.core_properties.title = "Werfdag"
    document.add_paragraph("We renoveren samen.")
    document.save(tmp_path / "werfdag.docx")

    import_files(project, case, [tmp_path / "werfdag.docx"],
                 details=DocumentDetails(kind="fieldnote", participants=("Griet", "Jan")))

    with project.reading() as session:
        [row] = describe_documents(session)
    assert (row.title, row.kind, row.interviewer, row.participants, row.speaker_turns) == (
        "Werfdag", "fieldnote", "Lotte", ["Griet", "Jan"], 0)


def test_each_file_can_bring_its_own_kind_date_and_interviewer(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    note = tmp_path / "zaterdag.txt"
    note.write_text("Ik kom om 8u25 aan.", encoding="utf-8")
    talk = tmp_path / "griet.txt"
    talk.write_text(_transcript(1), encoding="utf-8")
    own = {note: DocumentDetails(kind="fieldnote", recorded_on=date(2015, 3, 14),
                                 interviewer="Lotte")}

    import_files(project, case, [note, talk], details=DocumentDetails(interviewer="Youssef"),
                 per_file=own)

    with project.reading() as session:
        rows = describe_documents(session)
    assert [(r.source, r.kind, r.recorded_on, r.interviewer) for r in rows] == [
        ("zaterdag.txt", "fieldnote", date(2015, 3, 14), "Lotte"),
        ("griet.txt", "interview", None, "Youssef")]
