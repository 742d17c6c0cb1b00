"""A package whose sources are named by bare file names (as the ``qc`` tool writes them) is read
whole; only a path that really leaves the package is refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from tests.core.exchange.packages import LOTTE, package, qde
from tests.core.importers.writers import pdf_with_font
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.merge.project_merge import merge_project, plan_project_merge
from workbench.core.model import Coding, Document
from workbench.core.services.codebook import create_project
from workbench.core.storage import Project

CODE = "6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f60"
BOARDS = {
    "board_2017.txt": "Het bestuur vergaderde in de keuken. Iedereen kookte mee.",
    "board_2018.txt": "Nieuwe leden uit de buurt; de soep was op voor negen uur.",
    "board_2019.txt": "Een vrijwilliger stelde voor de zaal open te houden op zondag.",
}


def bare_named_package(path: Path, names: list[str]) -> tuple[Path, int]:
    """A .qdpx with one source per board meeting, each with a coding on every word."""
    sources, codings = [], 0
    for number, (name, file_name) in enumerate(zip(BOARDS, names, strict=True)):
        selections, start = [], 0
        text = BOARDS[name]
        for word_number, word in enumerate(text.split()):
            start = text.index(word, start)
            guid = f"00000000-0000-4000-8{number:03d}-{word_number:012d}"
            selections.append(
                f'<PlainTextSelection guid="{guid}" name="{word}" startPosition="{start}" '
                f'endPosition="{start + len(word)}" creatingUser="{LOTTE}"><Coding '
                f'guid="{guid[:-1]}f" creatingUser="{LOTTE}"><CodeRef targetGUID="{CODE}"/>'
                "</Coding></PlainTextSelection>")
            codings += 1
            start += len(word)
        sources.append(f'<TextSource guid="a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c{number:02d}" '
                       f'name="{name[:-4]}" plainTextPath="{file_name}">{"".join(selections)}'
                       "</TextSource>")
    xml = qde("qc", "".join(sources), "")
    files = {f"sources/{name}": text.encode("utf-8") for name, text in BOARDS.items()}
    return package(path, xml, files), codings


def stored(path: Path) -> tuple[list[str], int]:
    with Project.open(path) as project, project.reading() as session:
        titles = sorted(session.scalars(select(Document.title)))
        return titles, session.scalar(select(func.count(Coding.id))) or 0


def test_sources_named_by_bare_file_names_keep_all_their_codings(tmp_path: Path) -> None:
    source, codings = bare_named_package(tmp_path / "qc.qdpx",
                                         ["board_2017.txt", "sources/board_2018.txt",
                                          "Board_2019.TXT"])

    report = import_qdpx(source, tmp_path / "qc.cwb")

    assert stored(tmp_path / "qc.cwb") == (["board_2017", "board_2018", "board_2019"], codings)
    [warning] = [w for w in report.warnings if "not standard" in w]
    assert warning.startswith("3 source(s) name their text file by a bare path "
                              "('board_2017.txt', 'sources/board_2018.txt', 'Board_2019.TXT')")
    assert not any("outside the package" in w for w in report.warnings)


def test_a_bare_named_package_merges_into_a_project_with_all_its_codings(tmp_path: Path) -> None:
    source, codings = bare_named_package(tmp_path / "qc.qdpx", list(BOARDS))
    with create_project(tmp_path / "ours.cwb", codebook="none") as project:
        plan = plan_project_merge(project, source)
        assert plan.counts["documents to add"] == 3
        merge_project(project, plan=plan, author="Lotte")
    assert stored(tmp_path / "ours.cwb") == (["board_2017", "board_2018", "board_2019"], codings)


@pytest.mark.parametrize("outside", ["../board_2017.txt", "/home/lotte/board_2017.txt",
                                     "C:\\qc\\board_2017.txt", "file:///tmp/board_2017.txt",
                                     "relative://board_2017.txt"])
def test_a_path_that_really_leaves_the_package_is_still_refused(tmp_path: Path,
                                                                outside: str) -> None:
    source, _codings = bare_named_package(tmp_path / "qc.qdpx",
                                          [outside, "board_2018.txt", "board_2019.txt"])

    report = import_qdpx(source, tmp_path / "qc.cwb")

    assert stored(tmp_path / "qc.cwb")[0] == ["board_2018", "board_2019"]
    assert any(f"Source 'board_2017' points outside the package ({outside})" in w
               for w in report.warnings)


def test_a_source_given_only_as_rich_text_or_pdf_is_read_from_its_file(tmp_path: Path) -> None:
    text = "Het bestuur vergaderde in de keuken."
    interview = docx.Document()
    interview.add_paragraph(text)
    interview.save(tmp_path / "board_2020.docx")
    pdf = pdf_with_font(tmp_path, text)
    pdf.multi_cell(0, 6, text)
    pdf.output(str(tmp_path / "board_2021.pdf"))
    start = text.index("keuken")
    sources = (
        '<TextSource guid="a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01" name="board_2020" '
        'richTextPath="board_2020.docx"><PlainTextSelection guid="00000000-0000-4000-8000-'
        f'000000000001" startPosition="{start}" endPosition="{start + 6}"><Coding '
        '  guid="00000000-0000-4000-8000-000000000002"><CodeRef targetGUID="'
        f'{CODE}"/></Coding></PlainTextSelection></TextSource>'
        '<PDFSource guid="a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c02" name="board_2021" '
        'path="internal://board_2021.pdf"/>')
    source = package(tmp_path / "rich.qdpx", qde("qc", sources, ""), {
        "sources/board_2020.docx": (tmp_path / "board_2020.docx").read_bytes(),
        "sources/board_2021.pdf": (tmp_path / "board_2021.pdf").read_bytes()})

    report = import_qdpx(source, tmp_path / "rich.cwb")

    with Project.open(tmp_path / "rich.cwb") as project, project.reading() as session:
        texts = session.execute(select(Document.title, Document.text)
                                .order_by(Document.title)).all()
        [coding] = session.scalars(select(Coding)).all()
    assert [tuple(row) for row in texts] == [("board_2020", text), ("board_2021", text)]
    assert texts[0][1][coding.start:coding.end] == "keuken"
    assert ("Source 'board_2020' has no plain text; its text was read from 'board_2020.docx', "
            "so its codings may sit off their words.") in report.warnings
    assert any(w.startswith("1 source(s) name their text file by a bare path ('board_2020.docx')")
               for w in report.warnings)
