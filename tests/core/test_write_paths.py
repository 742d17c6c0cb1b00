"""One write path per entity: whichever way a document, code, case, coding or memo comes into a
project (a service action, the import job, a ``.qdpx`` import, a project merge, bulk coding), the
rows stored for the same input are the same, apart from ids, UUIDs and timestamps.

Rows are read back with plain sqlite3, every id replaced by the name of what it points at.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.core.exchange.packages import LOTTE, SOURCE, package, qde, text_source
from tests.core.importers.writers import HEADING, SAMPLE, write_docx
from tests.helpers import code_id
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.importers.job import import_files
from workbench.core.merge.project_merge import merge_project
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case, define_attribute, set_case_attribute
from workbench.core.services.codebook import create_project, export_codebook, load_codebook
from workbench.core.services.codes import create_code
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # each test builds a project along every path

QUERIES = {
    "coder": "SELECT name, colour FROM coder",
    "case": "SELECT name, description, position FROM case_",
    "attribute": "SELECT name, type, choices_json, description, position FROM attribute",
    "value": "SELECT c.name, a.name, v.value FROM case_attribute_value v "
             "JOIN case_ c ON c.id = v.case_id JOIN attribute a ON a.id = v.attribute_id",
    "document": "SELECT c.name, d.kind, d.title, d.text, d.source_name, d.encoding, "
                "d.content_hash, d.word_count, d.recorded_on, d.interviewer, "
                "d.participants_json, d.position FROM document d JOIN case_ c ON c.id = d.case_id",
    "speaker_turn": 'SELECT d.title, t.position, t.speaker, t.label_start, t.start, t."end", '
                    "t.timestamp, t.milliseconds FROM speaker_turn t "
                    "JOIN document d ON d.id = t.document_id",
    "document_layout": "SELECT d.title, l.word_count, l.words, l.paragraphs FROM "
                       "document_layout l JOIN document d ON d.id = l.document_id",
    "document_heading": 'SELECT d.title, h.level, h.start, h."end" FROM document_heading h '
                        "JOIN document d ON d.id = h.document_id",
    "code": "SELECT c.name, p.name, c.colour, c.definition, c.when_to_use, c.when_not_to_use, "
            "c.example, c.position, c.codable FROM code c LEFT JOIN code p ON p.id = c.parent_id",
    "coding": 'SELECT d.title, k.name, r.name, g.start, g."end", g.memo, g.rule FROM coding g '
              "JOIN document d ON d.id = g.document_id JOIN code k ON k.id = g.code_id "
              "JOIN coder r ON r.id = g.coder_id",
    "memo": "SELECT m.title, m.text, r.name, c.name, d.title, k.name, g.start FROM memo m "
            "LEFT JOIN coder r ON r.id = m.author_id LEFT JOIN case_ c ON c.id = m.case_id "
            "LEFT JOIN document d ON d.id = m.document_id LEFT JOIN code k ON k.id = m.code_id "
            "LEFT JOIN coding g ON g.id = m.coding_id",
}


def rows(path: Path, *tables: str) -> dict[str, list[tuple]]:
    """The named tables' rows, sorted, with ids, UUIDs and timestamps left out."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: sorted(connection.execute(QUERIES[table]).fetchall(), key=repr)
                for table in tables}
    finally:
        connection.close()


def merged_into_empty(source: Path, target: Path) -> Path:
    """A new, empty project that took everything of ``source`` in by a project merge."""
    with create_project(target) as project:
        merge_project(project, source, author="Lotte")
    return target


def through_qdpx(source: Path, folder: Path) -> Path:
    """``source`` exported as REFI-QDA and imported into a new project."""
    with Project.open(source) as project:
        export_project(project, folder / f"{source.stem}.qdpx")
    return import_qdpx(folder / f"{source.stem}.qdpx", folder / f"{source.stem}-qdpx.cwb").path


# -- documents: text, hash, word count, speaker turns, layout, headings ------------------------

DOCUMENT = ("case", "document", "speaker_turn", "document_layout", "document_heading", "memo")
CALL = """WEBVTT

1
00:00:03.120 --> 00:00:05.800
<v Griet Peeters>Welkom allemaal, fijn dat jullie er zijn.</v>

2
00:00:09.040 --> 00:00:12.000
<v Zoë Janssens>Dank je, graag gedaan.</v>

3
00:14:05.250 --> 00:14:09.000
<v Griet Peeters>Wat betekent het café voor jou?</v>
"""


def test_a_transcript_is_stored_alike_by_the_import_job_the_service_a_merge_and_qdpx(
        tmp_path: Path) -> None:
    by_job = tmp_path / "job.cwb"
    with create_project(by_job) as project:
        case = create_case(project, "Solidaire keuken").subject.id
        report = import_files(project, case, [write_docx(tmp_path / "zoe.docx")])
    assert report.summary == "1 imported, 0 skipped, 0 failed"
    stored = rows(by_job, *DOCUMENT)
    assert [turn[2] for turn in stored["speaker_turn"]] == ["Interviewer", "Zoë", "Interviewer"]
    assert stored["document_heading"] == [("Gesprek met Zoë", 1, 0, len(HEADING))]
    assert len(stored["document_layout"]) == 1

    by_service = tmp_path / "service.cwb"
    with create_project(by_service) as project:
        case = create_case(project, "Solidaire keuken").subject.id
        add_document(project, case, "Gesprek met Zoë", SAMPLE.replace("\n", "\r\n"),
                     source_name="zoe.docx", recorded_on=date(2016, 3, 5), interviewer="Lotte ",
                     headings=[(1, HEADING)])
    assert rows(by_service, *DOCUMENT) == stored
    assert rows(merged_into_empty(by_job, tmp_path / "merged.cwb"), *DOCUMENT) == stored

    # REFI-QDA has no place for headings, and its sources are UTF-8 text files.
    by_qdpx = rows(through_qdpx(by_job, tmp_path), *DOCUMENT)
    assert by_qdpx["document"] == [(*row[:5], "utf-8", *row[6:]) for row in stored["document"]]
    assert by_qdpx["document_heading"] == []
    assert {table: by_qdpx[table] for table in DOCUMENT if not table.startswith("document")} \
        == {table: stored[table] for table in DOCUMENT if not table.startswith("document")}
    assert by_qdpx["document_layout"] == stored["document_layout"]


def test_turns_a_subtitle_file_gave_are_kept_by_a_merge_not_guessed_again(tmp_path: Path) -> None:
    (tmp_path / "call.vtt").write_text(CALL, encoding="utf-8")
    by_job = tmp_path / "job.cwb"
    with create_project(by_job) as project:
        case = create_case(project, "Solidaire keuken").subject.id
        import_files(project, case, [tmp_path / "call.vtt"])
    stored = rows(by_job, *DOCUMENT)
    assert [turn[7] for turn in stored["speaker_turn"]] == [3120, 9040, 845250]
    assert rows(merged_into_empty(by_job, tmp_path / "merged.cwb"), *DOCUMENT) == stored


# -- cases, attributes and their values ---------------------------------------------------------

CASES = ("case", "attribute", "value")


def test_cases_and_their_values_are_stored_alike_by_the_service_a_merge_and_qdpx(
        tmp_path: Path) -> None:
    by_service = tmp_path / "service.cwb"
    with create_project(by_service) as project:
        define_attribute(project, "place", "choice", ["work", "public space"])
        define_attribute(project, "founded", "date")
        kitchen = create_case(project, " Solidaire  keuken ", "Een buurtrestaurant. ",
                              attributes={"members": 240}).subject.id
        set_case_attribute(project, kitchen, "place", "Public space")
        set_case_attribute(project, kitchen, "founded", "2015-03-02")
        create_case(project, "Basisschool De Linde")
    stored = rows(by_service, *CASES)
    assert stored["value"] == [("Solidaire keuken", "founded", "2015-03-02"),
                               ("Solidaire keuken", "members", "240"),
                               ("Solidaire keuken", "place", "public space")]
    assert rows(merged_into_empty(by_service, tmp_path / "merged.cwb"), *CASES) == stored
    assert rows(through_qdpx(by_service, tmp_path), *CASES) == stored


# -- codes ----------------------------------------------------------------------------------------

def test_codes_are_stored_alike_by_the_service_a_codebook_file_a_merge_and_qdpx(
        tmp_path: Path) -> None:
    by_service = tmp_path / "service.cwb"
    with create_project(by_service) as project:
        solidarity = create_code(project, "Solidariteit", colour="#a1b2c3",
                                 definition=" Zorg voor elkaar. ", codable=False).subject.id
        create_code(project, "Samen  koken", parent_id=solidarity, when_to_use="Eten samen.")
        create_code(project, "Buren", parent_id=solidarity, position=0, example="De buren.")
        create_code(project, "Ruimte")
        export_codebook(project, tmp_path / "codebook.qdc")
    stored = rows(by_service, "code")["code"]
    assert [row[:3] for row in stored] == [
        ("Buren", "Solidariteit", "#A1B2C3"), ("Ruimte", None, stored[1][2]),
        ("Samen koken", "Solidariteit", "#A1B2C3"), ("Solidariteit", None, "#A1B2C3")]

    by_codebook = tmp_path / "codebook.cwb"
    with create_project(by_codebook) as project:
        load_codebook(project, read_codebook(tmp_path / "codebook.qdc"))
    assert rows(by_codebook, "code")["code"] == stored
    assert rows(merged_into_empty(by_service, tmp_path / "merged.cwb"), "code")["code"] == stored
    assert rows(through_qdpx(by_service, tmp_path), "code")["code"] == stored


# -- codings: overlapping and touching passages joined -----------------------------------------

TEXT = "Zoë: We kookten samen, élke zondag, voor wie honger had. 🍲 Niemand vroeg naar papieren."
# The same passages coded by the same coder with the same code: the first two overlap, the
# third touches the second, the last stands apart; so two codings are stored.
PASSAGES = [(5, 21, "samen"), (15, 34, "zondag"), (34, 40, ""), (60, 87, "papieren")]
# A second coder, new to the project on every path, codes the speaker's label.
SECOND = ("Youssef", 0, 4)
YOUSSEF = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"
CODINGS = ("coder", "coding")


def _base(folder: Path) -> Path:
    """A package holding the text, the code and the coder, as a tool other than ours writes it."""
    source = folder / "base.qdpx"
    package(source, qde("Other tool", text_source(), ""), {f"sources/{SOURCE}.txt":
                                                            TEXT.encode("utf-8")})
    return import_qdpx(source, folder / "base.cwb").path


def _copy(base: Path, name: str) -> Path:
    return Path(shutil.copy(base, base.with_name(name)))


def _specs(project: Project, passages: list[tuple[int, int, str]]) -> list[CodingSpec]:
    code = code_id(project, "Samen koken")
    return [CodingSpec(1, code, start, end, "Lotte", memo) for start, end, memo in passages]


def _second_coder(project: Project) -> None:
    coder, start, end = SECOND
    apply_code(project, 1, code_id(project, "Samen koken"), start, end, coder=coder)


def test_overlapping_codings_are_joined_alike_by_every_path(tmp_path: Path) -> None:
    base = _base(tmp_path)
    by_service = _copy(base, "service.cwb")
    with Project.open(by_service) as project:
        for start, end, memo in PASSAGES:
            apply_code(project, 1, code_id(project, "Samen koken"), start, end, coder="Lotte",
                       memo=memo)
        _second_coder(project)
    stored = rows(by_service, *CODINGS)
    assert [row[2:6] for row in stored["coding"]] == [
        ("Lotte", 5, 40, "samen\nzondag"), ("Lotte", 60, 87, "papieren"), ("Youssef", 0, 4, "")]
    assert len({colour for _name, colour in stored["coder"]}) == 2

    by_bulk = _copy(base, "bulk.cwb")
    with Project.open(by_bulk) as project:
        apply_codings(project, [*_specs(project, PASSAGES),
                                CodingSpec(1, code_id(project, "Samen koken"), 0, 4, "Youssef")])
    assert rows(by_bulk, *CODINGS) == stored

    in_two_batches = _copy(base, "batches.cwb")  # the second batch joins stored codings
    with Project.open(in_two_batches) as project:
        apply_codings(project, _specs(project, PASSAGES[::2]))
        apply_codings(project, _specs(project, PASSAGES[1::2]))
        _second_coder(project)
    assert rows(in_two_batches, *CODINGS) == stored

    ours, theirs = _copy(base, "ours.cwb"), _copy(base, "theirs.cwb")
    for path, passages in ((ours, PASSAGES[::2]), (theirs, PASSAGES[1::2])):
        with Project.open(path) as project:
            apply_codings(project, _specs(project, passages))
    with Project.open(theirs) as project:
        _second_coder(project)
    with Project.open(ours) as project:
        merge_project(project, theirs, author="Lotte")
    assert rows(ours, *CODINGS) == stored

    selections = "".join(
        f'<PlainTextSelection guid="00000000-0000-4000-8000-00000000000{number}" name="" '
        f'startPosition="{start}" endPosition="{end}" creatingUser="{LOTTE}">'
        f"<Description>{memo}</Description>"
        f'<Coding guid="00000000-0000-4000-8000-00000000010{number}" creatingUser="{LOTTE}">'
        '<CodeRef targetGUID="6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f60"/></Coding>'
        "</PlainTextSelection>" for number, (start, end, memo) in enumerate(PASSAGES))
    selections += (
        f'<PlainTextSelection guid="00000000-0000-4000-8000-000000000009" name="" '
        f'startPosition="{SECOND[1]}" endPosition="{SECOND[2]}" creatingUser="{YOUSSEF}">'
        f'<Coding guid="00000000-0000-4000-8000-000000000109" creatingUser="{YOUSSEF}">'
        '<CodeRef targetGUID="6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f60"/></Coding>'
        "</PlainTextSelection>")
    xml = qde("Other tool", text_source(), selections).replace(
        "</Users>", f'<User guid="{YOUSSEF}" name="Youssef"/></Users>')
    coded = package(tmp_path / "coded.qdpx", xml, {f"sources/{SOURCE}.txt": TEXT.encode("utf-8")})
    assert rows(import_qdpx(coded, tmp_path / "coded.cwb").path, *CODINGS) == stored


def test_codings_stored_in_bulk_have_the_services_timestamps_and_the_ids_reported(
        tmp_path: Path) -> None:
    """Bulk paths write their rows without the ORM: the creation time has the ORM's form and
    the ids each action reports are the rows' own, after the highest already taken."""
    by_service = _copy(_base(tmp_path), "service.cwb")
    with Project.open(by_service) as project:
        _second_coder(project)
        bulk = apply_codings(project, _specs(project, PASSAGES))
    theirs = _copy(by_service, "theirs.cwb")
    with Project.open(theirs) as project:
        apply_codings(project, [CodingSpec(1, code_id(project, "Samen koken"), 70, 80, "Amal")])
    with Project.open(by_service) as project:
        merged = merge_project(project, theirs, author="Lotte")

    connection = sqlite3.connect(f"file:{by_service}?mode=ro", uri=True)
    try:
        stored = dict(connection.execute("SELECT uuid, id FROM coding").fetchall())
        times = [at for (at,) in connection.execute("SELECT created_at FROM coding ORDER BY id")]
    finally:
        connection.close()
    reported = [ref for changes in (bulk, merged) for ref in changes.created
                if ref.kind == "coding"]
    assert [ref.id for ref in reported] == [2, 3, 4]  # after the service's coding (id 1)
    assert all(stored[ref.uuid] == ref.id for ref in reported)
    assert len(times) == 4
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", at) for at in times), times


# -- memos ------------------------------------------------------------------------------------

def test_memos_are_stored_alike_by_the_service_a_merge_and_qdpx(tmp_path: Path) -> None:
    base = _base(tmp_path)
    by_service = _copy(base, "service.cwb")
    with Project.open(by_service) as project:
        create_memo(project, " Eerste  indruk ", " Warm onthaal. \n", author="Lotte",
                    target=MemoTarget("document", 1))
        create_memo(project, "Codeboek", "Samen koken splitsen?", author="Lotte",
                    target=MemoTarget("code", code_id(project, "Samen koken")))
        create_memo(project, "Projectnota", "Alles in één map.", author="Lotte")
    stored = rows(by_service, "memo")["memo"]
    assert stored[1][:3] == ("Eerste indruk", "Warm onthaal.", "Lotte")
    assert rows(merged_into_empty(by_service, tmp_path / "merged.cwb"), "memo")["memo"] == stored
    assert rows(through_qdpx(by_service, tmp_path), "memo")["memo"] == stored
