"""A researcher codes in one step every turn of a speaker, every place a word is said (with its
sentence, paragraph or turn), and every section under a heading; the preview counts exactly
what is then coded, and one undo takes it all back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    NOT_CONTENT,
    add_case_with_document,
    case_id,
    code_id,
    document_id,
    open_prepared,
    table_contents,
)
from workbench.core.autocode import (
    Scope,
    SpeakerRule,
    StructureRule,
    Target,
    TextRule,
    preview_autocode,
)
from workbench.core.errors import DomainError
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.queries.codings import list_codings
from workbench.core.services.autocoding import autocode
from workbench.core.services.codings import apply_code
from workbench.core.services.history import undo, undo_label
from workbench.core.storage import Project

KEUKEN = (
    "Interviewer: Hoe is de keuken begonnen?\n\n"
    "Zoë: We kookten samen. Élke zondag stond de KEUKEN open! Niemand vroeg naar papieren.\n"
    "Dat was het begin.\n\n"
    "Interviewer: En de buurt?\n\n"
    "Zoë: De buren brachten groenten. Zo werd het ook hun keuken."
)
BUURTHUIS = (
    "Interviewer: Wat doet het buurthuis?\n\n"
    "Mevrouw De Smet: Wij koken niet. We praten.\n\n"
    "Interviewer: Met wie?\n\n"
    "Mevrouw De Smet: Met iedereen die binnenloopt."
)
VELDNOTITIE = (
    "Veldnotitie zaterdag\n\n"
    "1. Aankomst\n\n"
    "We komen om tien uur aan. De keuken is al warm.\n\n"
    "1.1 Wie er is\n\n"
    "Twaalf buren, twee vrijwilligers.\n\n"
    "2. Het koken\n\n"
    "Iedereen snijdt groenten.\n\n"
    "Reflectie\n\n"
    "Opvallend: niemand leidt."
)


def _fill(project: Project) -> None:
    add_case_with_document(project, KEUKEN, case="Solidaire keuken", title="Interview met Zoë")
    add_case_with_document(project, VELDNOTITIE, case="Solidaire keuken",
                           title="Veldnotitie zaterdag")
    add_case_with_document(project, BUURTHUIS, case="Buurthuis", title="Gesprek in het buurthuis")


@pytest.fixture
def solidarity_project(project_path: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The solidarity project holding the three documents below: a copy of one built once."""
    yield from open_prepared(tmp_path_factory, "autocode-study", _fill, project_path)


@pytest.fixture
def study(solidarity_project: Project) -> dict[str, int]:
    return {"keuken": document_id(solidarity_project, "Interview met Zoë"),
            "veld": document_id(solidarity_project, "Veldnotitie zaterdag"),
            "buurthuis": document_id(solidarity_project, "Gesprek in het buurthuis"),
            "code": code_id(solidarity_project, "Socialisation")}


def coded(project: Project) -> list[tuple[str, str, str | None]]:
    with project.reading() as session:
        return [(row.document, row.text, rule) for row, rule in _with_rules(session)]


def _with_rules(session):
    from workbench.core.model import Coding
    rules = dict(session.query(Coding.id, Coding.rule).all())
    return [(row, rules[row.id]) for row in list_codings(session)]


def content(path: Path) -> dict[str, list[tuple]]:
    """Every table but the undo log itself (and the project row's modified time)."""
    return {table: rows for table, rows in table_contents(path).items()
            if table not in NOT_CONTENT}


def run(project: Project, rule, ids: dict[str, int], target: Target = Target()):
    """Preview, then code; the preview's counts must be what the action coded."""
    with project.reading() as session:
        preview = preview_autocode(session, rule, target)
    changes = autocode(project, rule, ids["code"], coder="Lotte", target=target)
    assert changes.count("coding") == preview.passages
    with project.reading() as session:
        documents = {row.document_id for row in list_codings(session)}
    assert len(documents) == preview.documents
    return preview, changes


def test_every_turn_of_one_speaker_is_coded(solidarity_project: Project, study: dict) -> None:
    preview, changes = run(solidarity_project, SpeakerRule(speakers=("zoe",)), study)

    assert (preview.passages, preview.documents, preview.searched) == (2, 1, 3)
    assert coded(solidarity_project) == [
        ("Interview met Zoë", "We kookten samen. Élke zondag stond de KEUKEN open! Niemand vroeg "
                              "naar papieren.\nDat was het begin.", "speaker zoe"),
        ("Interview met Zoë", "De buren brachten groenten. Zo werd het ook hun keuken.",
         "speaker zoe")]
    assert [s.reference for s in preview.sample] == [
        "Solidaire keuken · Interview met Zoë · ¶2", "Solidaire keuken · Interview met Zoë · ¶5"]
    assert "Autocoded 2 passage(s) in 1 document(s)" in changes.message


def test_speakers_by_pattern_in_chosen_cases(solidarity_project: Project, study: dict) -> None:
    everyone_but_the_interviewer = SpeakerRule(pattern=r"(?!interviewer).*")
    target = Target(case_ids=(case_id(solidarity_project, "Buurthuis"),))

    preview, _changes = run(solidarity_project, everyone_but_the_interviewer, study, target)

    assert (preview.passages, preview.documents, preview.searched) == (2, 1, 1)
    assert [text for _doc, text, _rule in coded(solidarity_project)] == [
        "Wij koken niet. We praten.", "Met iedereen die binnenloopt."]


@pytest.mark.parametrize(("scope", "expected"), [
    (Scope.HIT, ["keuken", "KEUKEN", "keuken", "keuken"]),
    (Scope.SENTENCE, ["Hoe is de keuken begonnen?", "Élke zondag stond de KEUKEN open!",
                      "Zo werd het ook hun keuken.", "De keuken is al warm."]),
    (Scope.PARAGRAPH, [  # speakers' labels are not coded
        "Hoe is de keuken begonnen?",
        "We kookten samen. Élke zondag stond de KEUKEN open! Niemand vroeg naar papieren.",
        "De buren brachten groenten. Zo werd het ook hun keuken.",
        "We komen om tien uur aan. De keuken is al warm."]),
    (Scope.TURN, [  # the fieldnote has no turns: its hit is left out
        "Hoe is de keuken begonnen?",
        "We kookten samen. Élke zondag stond de KEUKEN open! Niemand vroeg naar papieren.\n"
        "Dat was het begin.",
        "De buren brachten groenten. Zo werd het ook hun keuken."]),
])
def test_every_hit_of_a_search_is_coded_at_the_chosen_scope(
        solidarity_project: Project, study: dict, scope: Scope, expected: list[str]) -> None:
    preview, _changes = run(solidarity_project, TextRule(query="keuken", scope=scope), study)

    assert [text for _doc, text, _rule in coded(solidarity_project)] == expected
    assert {rule for _doc, _text, rule in coded(solidarity_project)} == {
        f'search "keuken" ({scope.value})'}
    assert preview.documents == (1 if scope == Scope.TURN else 2)


def test_a_search_is_accent_blind_and_a_phrase_is_one_hit(
        solidarity_project: Project, study: dict) -> None:
    run(solidarity_project, TextRule(query='"elke zondag"'), study)
    assert [text for _doc, text, _rule in coded(solidarity_project)] == ["Élke zondag"]


def test_every_match_of_a_regular_expression_is_coded(
        solidarity_project: Project, study: dict) -> None:
    preview, _changes = run(solidarity_project, TextRule(regex=r"\bkoo?k\w*", scope=Scope.SENTENCE),
                            study)

    assert [text for _doc, text, _rule in coded(solidarity_project)] == [
        "We kookten samen.", "2. Het koken", "Wij koken niet."]
    assert preview.rule == "regex /\\bkoo?k\\w*/ (sentence)"


def test_every_section_under_a_matching_heading_is_coded(
        solidarity_project: Project, study: dict) -> None:
    target = Target(document_ids=(study["veld"], study["keuken"]))
    preview, _changes = run(solidarity_project, StructureRule(heading=r"aankomst|reflectie"),
                            study, target)

    assert [text for _doc, text, _rule in coded(solidarity_project)] == [
        "We komen om tien uur aan. De keuken is al warm.\n\n1.1 Wie er is\n\n"
        "Twaalf buren, twee vrijwilligers.",  # the sub-section is part of it
        "Opvallend: niemand leidt."]
    assert (preview.passages, preview.searched) == (2, 2)


def test_autocodings_join_what_the_coder_coded_by_hand(
        solidarity_project: Project, study: dict) -> None:
    start = KEUKEN.index("Zo werd")
    apply_code(solidarity_project, study["keuken"], study["code"], start, start + 7, coder="Lotte")
    apply_code(solidarity_project, study["keuken"], study["code"], start, start + 7, coder="Bram")

    autocode(solidarity_project, TextRule(query="keuken", scope=Scope.SENTENCE), study["code"],
             coder="Lotte", target=Target(document_ids=(study["keuken"],)))

    with solidarity_project.reading() as session:
        rows = [(row.coder, row.text, rule) for row, rule in _with_rules(session)]
    assert ("Lotte", "Zo werd het ook hun keuken.", 'search "keuken" (sentence)') in rows
    assert ("Bram", "Zo werd", None) in rows  # another coder's coding is left alone
    assert len(rows) == 4


def test_one_undo_takes_the_whole_autocoding_back(
        solidarity_project: Project, study: dict, project_path: Path) -> None:
    apply_code(solidarity_project, study["keuken"], study["code"], 0, 11, coder="Lotte")
    before = content(project_path)

    autocode(solidarity_project, TextRule(query="keuken OR koken", scope=Scope.PARAGRAPH),
             study["code"], coder="Amal")  # a new coder too
    assert content(project_path) != before
    assert undo_label(solidarity_project) == 'Autocode: search "keuken OR koken" (paragraph)'

    undo(solidarity_project)
    assert content(project_path) == before


def test_a_rule_that_finds_nothing_codes_nothing(solidarity_project: Project, study: dict) -> None:
    preview, changes = run(solidarity_project, TextRule(query="fiets"), study)
    assert (preview.passages, preview.documents, preview.sample) == (0, 0, [])
    assert "found nothing" in changes.message
    assert coded(solidarity_project) == []


@pytest.mark.parametrize(("rule", "message"), [
    (SpeakerRule(), "Name the speakers"),
    (SpeakerRule(speakers=("Zoë",), pattern="Z.*"), "not both"),
    (TextRule(regex="(keuken"), "not a valid regular expression"),
    (TextRule(regex="x*"), "matches empty text"),
    (TextRule(), "Give a search"),
    (StructureRule(heading=" "), "Give a pattern"),
])
def test_a_rule_that_cannot_run_is_refused_before_anything_changes(
        solidarity_project: Project, study: dict, project_path: Path, rule, message: str) -> None:
    before = table_contents(project_path)
    with pytest.raises(DomainError, match=message):
        autocode(solidarity_project, rule, study["code"], coder="Lotte")
    assert table_contents(project_path) == before


def test_a_cancelled_autocoding_changes_nothing(
        solidarity_project: Project, study: dict, project_path: Path) -> None:
    before = content(project_path)
    control = JobControl()
    control.cancel()
    with pytest.raises(JobCancelled):
        autocode(solidarity_project, TextRule(query="keuken"), study["code"], coder="Lotte",
                 control=control)
    assert content(project_path) == before
