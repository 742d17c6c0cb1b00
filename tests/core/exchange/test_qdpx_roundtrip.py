"""A project travels as a REFI-QDA .qdpx and comes back the same: valid against the schema,
every coding on the same words by the same coder, memos where they were."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.core.analysis.sample import sample_copy
from tests.core.exchange.content import content
from tests.helpers import add_case_with_document, code_id
from workbench.core.exchange.qdpx_export import export_project, project_qde
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.model import Document
from workbench.core.paths import schema_path
from workbench.core.services.cases import define_attribute, set_case_attribute
from workbench.core.services.codings import apply_code, set_coding_memo
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # builds the sample project

EMOJI_CRLF = ("Interviewer: Hoe begon de keuken? 🍲🙂\r\n\r\n"
              "Zoë: We kookten samen 👩‍🍳, élke zondag.\r\nNiemand vroeg naar papieren. 🇧🇪\r\n")


def schema_errors(xml: bytes) -> list[str]:
    schema = etree.XMLSchema(etree.parse(str(schema_path("Project.xsd"))))
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory, tmp_path_factory.mktemp("sample") / "sample.cwb")


def test_the_sample_project_exports_valid_against_project_xsd(sample: Path, tmp_path: Path) -> None:
    with Project.open(sample) as project:
        assert schema_errors(project_qde(project)) == []
        report = export_project(project, tmp_path / "sample.qdpx")
    assert report.counts["codings"] == 394 and report.counts["documents"] == 18
    with zipfile.ZipFile(tmp_path / "sample.qdpx") as archive:
        names = archive.namelist()
    assert "project.qde" in names
    assert sum(name.startswith("sources/") and name.endswith(".txt") for name in names) == 18


def test_the_sample_project_survives_a_round_trip(sample: Path, tmp_path: Path) -> None:
    with Project.open(sample) as project:
        export_project(project, tmp_path / "sample.qdpx")
        before = content(project)
    report = import_qdpx(tmp_path / "sample.qdpx", tmp_path / "again.cwb")
    with Project.open(tmp_path / "again.cwb") as again:
        after = content(again)
    assert report.warnings == []
    assert after == before
    assert len(after["codings"]) == 394


def test_emoji_and_windows_line_ends_keep_every_coding_on_the_same_words(
        solidarity_project: Project, tmp_path: Path) -> None:
    project = solidarity_project
    case, document = add_case_with_document(project, EMOJI_CRLF, case="Solidaire keuken",
                                            title="Interview met Zoë")
    define_attribute(project, "place", "choice", ["work", "public space"])
    set_case_attribute(project, case, "place", "public space")
    set_case_attribute(project, case, "founded", "2015-03-02")
    set_case_attribute(project, case, "members", 240)
    with project.reading() as session:
        stored = session.get_one(Document, document).text
    quotes = [("kookten samen 👩‍🍳", "Socialisation", "Lotte"),
              ("🇧🇪", "Safe and informal spaces", "Youssef"),
              ("Niemand vroeg naar papieren.", "Socialisation", "Youssef")]
    for quote, code, coder in quotes:
        start = stored.index(quote)
        apply_code(project, document, code_id(project, code), start, start + len(quote),
                   coder=coder)
    coding = apply_code(project, document, code_id(project, "Shared struggle"), 0, 12,
                        coder="Lotte").subject.id
    set_coding_memo(project, coding, "Begin van het gesprek 🙂")
    create_memo(project, "Over de keuken", "Iedereen welkom.", author="Lotte",
                target=MemoTarget("case", case))
    create_memo(project, "Transcriptie", "Opname was luid.", author="Youssef",
                target=MemoTarget("document", document))
    create_memo(project, "Code twijfel", "Te breed?", author="Lotte",
                target=MemoTarget("code", code_id(project, "Socialisation")))
    create_memo(project, "Op deze passage", "Sterk citaat.", author="Lotte",
                target=MemoTarget("coding", coding))
    create_memo(project, "Projectnota", "Eerste ronde.", author="Lotte")
    before = content(project)

    export_project(project, tmp_path / "keuken.qdpx")
    import_qdpx(tmp_path / "keuken.qdpx", tmp_path / "keuken.cwb")

    with Project.open(tmp_path / "keuken.cwb") as again:
        after = content(again)
    assert after == before
    coded = {(row[5], row[2]) for row in after["codings"]}  # (coded text, coder)
    assert {("kookten samen 👩‍🍳", "Lotte"), ("🇧🇪", "Youssef")} <= coded
    assert {memo[2] for memo in after["memos"]} == {
        "case", "document", "code", "coding", "project"}


def test_an_empty_project_exports_valid_and_imports_empty(project: Project, tmp_path: Path) -> None:
    assert schema_errors(project_qde(project)) == []
    export_project(project, tmp_path / "empty.qdpx")
    report = import_qdpx(tmp_path / "empty.qdpx", tmp_path / "empty.cwb")
    assert not any(report.counts.values()) and report.warnings == []
