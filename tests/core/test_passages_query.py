"""Retrieving what was coded with some codes across cases, each passage with its reference."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import case_id, code_id, document_id, open_prepared
from workbench.core.queries.codings import list_codings
from workbench.core.queries.passages import filter_choices, list_passages
from workbench.core.services.cases import create_case
from workbench.core.services.codings import apply_code, set_coding_memo
from workbench.core.services.documents import add_document
from workbench.core.storage import Project

INTERVIEW = (
    "[Interview met Zoë, 3 mei 2016]\n\n"
    "Interviewer: Hoe is de keuken begonnen? 🍲🙂\n\n"
    "Zoë: We kookten samen, élke zondag, voor wie honger had.\n\n"
    "Niemand vroeg naar papieren.\n\n"
    "Interviewer: En de buurt?\n\n"
    "Zoë: De buren brachten groenten. Zo werd het ook hun keuken."
)
FIELDNOTE = (
    "Zaterdag op het plein.\n\nDe jongeren bouwen zelf een podium 🎤 en spreken de buurt aan."
)


@dataclass(frozen=True)
class Study:
    keuken: int
    plein: int
    interview: int
    fieldnote: int


def _fill(project: Project) -> None:
    """Two cases (public space / leisure), an interview with speaker turns and a fieldnote."""
    keuken = create_case(project, "Solidaire keuken", attributes={
        "place": "public space", "members": 40, "subsidised": True}).subject.id
    plein = create_case(project, "Speelplein", attributes={
        "place": "leisure", "members": 120, "subsidised": False}).subject.id
    interview = add_document(project, keuken, "Interview met Zoë", INTERVIEW).subject.id
    fieldnote = add_document(project, plein, "Veldnota plein", FIELDNOTE,
                             kind="fieldnote").subject.id

    def code(document: int, text: str, phrase: str, name: str, coder: str) -> int:
        start = text.index(phrase)
        return apply_code(project, document, code_id(project, name), start, start + len(phrase),
                          coder=coder).subject.id

    code(interview, INTERVIEW, "We kookten samen, élke zondag", "Socialisation", "Lotte")
    memo_on = code(interview, INTERVIEW, "Niemand vroeg naar papieren.", "Safe and informal spaces",
                   "Youssef")
    set_coding_memo(project, memo_on, "Geen drempel.")
    code(interview, INTERVIEW, "De buren brachten groenten.", "Interdependence", "Lotte")
    code(
        fieldnote, FIELDNOTE, "bouwen zelf een podium 🎤 en spreken", "Creating a stage", "Youssef"
    )
    code(fieldnote, FIELDNOTE, "De jongeren", "Socialisation", "Youssef")


@pytest.fixture
def solidarity_project(project_path: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The solidarity project holding the study: a copy of one built once per test process."""
    yield from open_prepared(tmp_path_factory, "passages-study", _fill, project_path)


@pytest.fixture
def study(solidarity_project: Project) -> Study:
    project = solidarity_project
    return Study(case_id(project, "Solidaire keuken"), case_id(project, "Speelplein"),
                 document_id(project, "Interview met Zoë"), document_id(project, "Veldnota plein"))


def _passages(project: Project, *names: str, **filters) -> list:
    with project.reading() as session:
        codes = [code_id(project, name) for name in names]
        return list_passages(session, codes, **filters)


def test_passages_of_two_codes_come_in_reading_order_with_their_references(
        solidarity_project: Project, study: Study) -> None:
    rows = _passages(solidarity_project, "Socialisation", "Safe and informal spaces")

    assert [(row.reference, row.text) for row in rows] == [
        ("Solidaire keuken · Interview met Zoë · ¶3", "We kookten samen, élke zondag"),
        ("Solidaire keuken · Interview met Zoë · ¶4", "Niemand vroeg naar papieren."),
        ("Speelplein · Veldnota plein · ¶2", "De jongeren"),
    ]
    first = rows[0]
    assert (first.coder, first.kind, first.document_id, first.case_id) == (
        "Lotte", "interview", study.interview, study.keuken)
    assert (
        first.code
        == "Pedagogy of solidarity (pedagogie van solidariteit)/Socialisation (socialisatie)"
    )
    assert first.code_colour.startswith("#")
    assert rows[1].memo == "Geen drempel."


def test_positions_after_emoji_are_code_points_and_the_text_matches_list_codings(
        solidarity_project: Project, study: Study) -> None:
    [stage] = _passages(solidarity_project, "Creating a stage")

    assert stage.text == "bouwen zelf een podium 🎤 en spreken"
    assert FIELDNOTE[stage.start:stage.end] == stage.text
    with solidarity_project.reading() as session:
        [listed] = list_codings(session, code_ids=[stage.code_id])
    assert (listed.id, listed.text, listed.start, listed.end) == (
        stage.coding_id, stage.text, stage.start, stage.end)


def test_a_theme_brings_its_sub_codes_unless_asked_not_to(solidarity_project: Project,
                                                         study: Study) -> None:
    theme = "Sources of solidarity"
    with_children = _passages(solidarity_project, theme)
    alone = _passages(solidarity_project, theme, include_subcodes=False)

    assert [row.text for row in with_children] == ["De buren brachten groenten."]
    assert alone == []


def test_the_speaker_of_each_turn_is_named_and_prose_has_none(solidarity_project: Project,
                                                             study: Study) -> None:
    rows = _passages(solidarity_project, "Socialisation", "Safe and informal spaces",
                     "Interdependence")

    assert [(row.text[:10], row.speaker) for row in rows] == [
        ("We kookten", "Zoë"), ("Niemand vr", "Zoë"), ("De buren b", "Zoë"),
        ("De jongere", ""),  # a fieldnote: no speaker turns
    ]


def test_filters_by_coder_name_or_id_case_kind_and_attribute(solidarity_project: Project,
                                                             study: Study) -> None:
    codes = ("Socialisation", "Safe and informal spaces", "Creating a stage")
    texts = lambda **filters: [row.text[:11] for row in _passages(  # noqa: E731
        solidarity_project, *codes, **filters)]
    with solidarity_project.reading() as session:
        youssef = dict((name, coder_id) for coder_id, name in filter_choices(session).coders)[
            "Youssef"
        ]

    assert texts(coders=["lotte"]) == ["We kookten "]
    assert texts(coders=[youssef]) == ["Niemand vro", "De jongeren", "bouwen zelf"]
    assert texts(case_ids=[study.plein]) == ["De jongeren", "bouwen zelf"]
    assert texts(kinds=["interview"]) == ["We kookten ", "Niemand vro"]
    assert texts(attributes={"place": ["public space"]}) == ["We kookten ", "Niemand vro"]
    assert texts(attributes={"subsidised": [False]}) == ["De jongeren", "bouwen zelf"]
    assert texts(attributes={"members": ["120"]}, coders=["Youssef"]) == [
        "De jongeren",
        "bouwen zelf",
    ]
    assert texts(attributes={"place": ["work"]}) == []
    assert texts(attributes={"no such attribute": ["x"]}) == []
    assert texts(coders=[]) == []


def test_unknown_or_no_codes_give_no_passages(solidarity_project: Project, study: Study) -> None:
    with solidarity_project.reading() as session:
        assert list_passages(session, []) == []
        assert list_passages(session, [99_999]) == []


def test_filter_choices_list_what_the_project_holds(solidarity_project: Project,
                                                   study: Study) -> None:
    with solidarity_project.reading() as session:
        choices = filter_choices(session)

    assert [name for _id, name in choices.cases] == ["Solidaire keuken", "Speelplein"]
    assert [name for _id, name in choices.coders] == ["Lotte", "Youssef"]
    assert choices.kinds == ["fieldnote", "interview"]
    assert choices.attributes["place"] == ["leisure", "public space"]
    assert choices.attributes["subsidised"] == ["false", "true"]


def test_a_few_passages_listed_by_coding_read_as_in_the_whole_list(
        solidarity_project: Project, study: Study) -> None:
    """After a coding action the passages list asks for just the new codings: their speaker and
    paragraph are found without reading every turn, and match the whole list's."""
    project = solidarity_project
    blank = INTERVIEW.index("\n\nNiemand") + 1  # a passage starting on the blank line
    apply_code(project, study.interview, code_id(project, "Socialisation"), blank, blank + 12,
               coder="Amal")
    names = ("Socialisation", "Safe and informal spaces", "Interdependence", "Creating a stage")
    everything = _passages(project, *names)
    assert len(everything) == 6
    for passage in everything:
        assert _passages(project, *names, coding_ids=[passage.coding_id]) == [passage]
    assert _passages(project, *names, coding_ids=[p.coding_id for p in everything]) == everything
