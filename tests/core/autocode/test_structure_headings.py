"""Fieldnotes written in Word, LibreOffice or as a web page mark their headings; the import keeps
them, so autocoding by structure codes the sections the author made, even where a heading does
not look like one (it ends with a colon) or a short line of text does (it has no full stop)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from sqlalchemy import select

from tests.helpers import code_id
from workbench.core.autocode import StructureRule, Target, preview_autocode
from workbench.core.importers.job import import_files
from workbench.core.model import Document, DocumentHeading
from workbench.core.queries.codings import list_codings
from workbench.core.services.autocoding import autocode
from workbench.core.services.cases import create_case
from workbench.core.storage import Project

# (heading level or 0 for a paragraph, text)
NOTES = [
    (1, "Zaterdag in de keuken"),
    (2, "Wie er was:"),  # a heading ending in a colon: the text rule would miss it
    (0, "Twaalf buren"),  # a short line of text: the text rule would take it for a heading
    (0, "Twee vrijwilligers, een stagiair."),
    (2, "Wat we zagen"),
    (0, "Iedereen snijdt groenten."),
    (1, "Reflectie"),
    (0, "Niemand leidt, en toch loopt het."),
]
WHO = "Twaalf buren\n\nTwee vrijwilligers, een stagiair."


def write_docx(path: Path) -> Path:
    document = docx.Document()
    for level, text in NOTES:
        if level:
            document.add_heading(text, level)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def write_odt(path: Path) -> Path:
    document = OpenDocumentText()
    for level, text in NOTES:
        document.text.addElement(H(outlinelevel=level, text=text) if level else P(text=text))
    document.save(str(path))
    return path


def write_html(path: Path) -> Path:
    body = "".join(f"<h{level}>{text}</h{level}>" if level else f"<p>{text}</p>"
                   for level, text in NOTES)
    path.write_text(f"<html><head><title>Zaterdag</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [write_docx, write_odt, write_html],
                         ids=["docx", "odt", "html"])
def test_the_sections_under_marked_headings_are_coded(
        solidarity_project: Project, tmp_path: Path, write) -> None:
    case = create_case(solidarity_project, "Solidaire keuken").subject.id
    source = write(tmp_path / f"zaterdag.{write.__name__.removeprefix('write_')}")
    [outcome] = import_files(solidarity_project, case, [source], kind="fieldnote").outcomes
    assert outcome.status == "imported", outcome.message
    with solidarity_project.reading() as session:
        stored = session.execute(select(DocumentHeading.level, DocumentHeading.start,
                                        DocumentHeading.end)).all()
        text = session.scalar(select(Document.text))
    assert [(level, text[start:end]) for level, start, end in stored] == [
        (level, heading) for level, heading in NOTES if level]

    rule = StructureRule(heading="wie er was|reflectie")
    with solidarity_project.reading() as session:
        preview = preview_autocode(session, rule, Target(case_ids=(case,)))
    autocode(solidarity_project, rule, code_id(solidarity_project, "Socialisation"), coder="Lotte")

    with solidarity_project.reading() as session:
        coded = [row.text for row in list_codings(session)]
    assert coded == [WHO, "Niemand leidt, en toch loopt het."]
    assert preview.passages == 2


def test_a_plain_text_fieldnote_has_its_headings_recognised(
        solidarity_project: Project, tmp_path: Path) -> None:
    case = create_case(solidarity_project, "Solidaire keuken").subject.id
    source = tmp_path / "zaterdag.txt"
    source.write_text("\n\n".join(text for _level, text in NOTES), encoding="utf-8")
    import_files(solidarity_project, case, [source], kind="fieldnote")
    autocode(solidarity_project, StructureRule(heading="wat we zagen"),
             code_id(solidarity_project, "Socialisation"), coder="Lotte")
    with solidarity_project.reading() as session:
        assert session.scalars(select(DocumentHeading)).all() == []
        # Without marks, "Twaalf buren" passes for a heading; "Wat we zagen" runs to the next.
        assert [row.text for row in list_codings(session)] == ["Iedereen snijdt groenten."]
