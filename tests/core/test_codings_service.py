"""Coding passages: positions in code points, joined like NVivo, checked before storing."""

from __future__ import annotations

import pytest

from tests.helpers import add_case_with_document, code_id
from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Memo
from workbench.core.queries.codings import list_codings
from workbench.core.services.codes import create_code, update_code
from workbench.core.services.codings import (
    apply_code,
    recode,
    remove_coding,
    set_coding_memo,
    set_coding_range,
)
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

TEXT = (
    "Interviewer: Hoe begon het? 🍲🙂\n\nZoë: We kookten samen, élke zondag, voor wie honger had."
)
WE = TEXT.index("We kookten")


def _codings(project: Project) -> list:
    with project.reading() as session:
        return list_codings(session)


def test_a_passage_after_emoji_is_stored_in_code_points(solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    start = TEXT.index("We kookten")
    end = TEXT.index(", voor")
    code = code_id(solidarity_project, "Pedagogy of solidarity/Socialisation")

    changes = apply_code(solidarity_project, document, code, start, end, coder="Lotte")

    [row] = _codings(solidarity_project)
    assert row.text == "We kookten samen, élke zondag"
    assert (row.start, row.end, row.coder) == (start, end, "Lotte")
    assert row.code == ("Pedagogy of solidarity (pedagogie van solidariteit)/"
                        "Socialisation (socialisatie)")
    assert changes.subject.id == row.id
    assert {ref.kind for ref in changes.created} == {"coding", "coder"}


def test_overlapping_codings_of_one_code_by_one_coder_are_joined(
    solidarity_project: Project,
) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    first = apply_code(
        solidarity_project, document, code, 40, 50, coder="Lotte", memo="eerste"
    ).subject
    apply_code(solidarity_project, document, code, 45, 60, coder="Lotte", memo="tweede")
    apply_code(solidarity_project, document, code, 60, 62, coder="Lotte")  # touches: joined too
    apply_code(
        solidarity_project, document, code, 45, 60, coder="Youssef"
    )  # other coder: kept apart

    rows = _codings(solidarity_project)
    assert [(r.coder, r.start, r.end) for r in rows] == [("Lotte", 40, 62), ("Youssef", 45, 60)]
    assert rows[0].id == first.id
    assert rows[0].memo == "eerste\ntweede"


def test_a_passage_bridging_two_codings_joins_all_three_and_leaves_the_rest(
        solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    for start, end in ((5, 10), (40, 50), (60, 70), (80, 85)):
        apply_code(solidarity_project, document, code, start, end, coder="Lotte")
    changes = apply_code(solidarity_project, document, code, 48, 62, coder="Lotte")

    rows = _codings(solidarity_project)
    assert [(r.start, r.end) for r in rows] == [(5, 10), (40, 70), (80, 85)]
    assert changes.count("coding", "deleted") == 1  # the later one went into the earlier


def test_different_codes_may_overlap(solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    apply_code(solidarity_project, document, code_id(solidarity_project, "Socialisation"), WE, 60,
               coder="Lotte")
    apply_code(
        solidarity_project,
        document,
        code_id(solidarity_project, "Creating a stage"),
        40,
        70,
        coder="Lotte",
    )
    assert len(_codings(solidarity_project)) == 2


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (10, 10, "empty passage"),
        (20, 10, "ends .10. before it starts .20."),
        (-1, 5, "lies outside the document"),
        (0, len(TEXT) + 1, f"which has {len(TEXT)} characters"),
    ],
)
def test_a_range_outside_the_text_is_refused(solidarity_project: Project, start: int, end: int,
                                             message: str) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    with pytest.raises(DomainError, match=message):
        apply_code(solidarity_project, document, code_id(solidarity_project, "Socialisation"),
                   start, end, coder="Lotte")
    assert _codings(solidarity_project) == []


def test_unknown_code_document_and_grouping_only_codes_are_refused(
    solidarity_project: Project,
) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    with pytest.raises(NotFoundError, match="no code with id 999"):
        apply_code(solidarity_project, document, 999, 0, 5, coder="Lotte")
    with pytest.raises(NotFoundError, match="no document with id 42"):
        apply_code(solidarity_project, 42, code_id(solidarity_project, "Socialisation"), 0, 5,
                   coder="Lotte")
    folder = create_code(solidarity_project, "Later uitzoeken", codable=False).subject.id
    with pytest.raises(DomainError, match="only groups other codes"):
        apply_code(solidarity_project, document, folder, 0, 5, coder="Lotte")
    with pytest.raises(DomainError, match="give a coder name"):
        apply_code(solidarity_project, document, code_id(solidarity_project, "Socialisation"), 0, 5,
                   coder=" ")


def test_resize_recode_annotate_and_remove(solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    coding = apply_code(solidarity_project, document, code_id(solidarity_project, "Socialisation"),
                        WE, WE + 10, coder="Lotte").subject.id

    set_coding_range(solidarity_project, coding, WE, TEXT.index(", voor"))
    recode(solidarity_project, coding, code_id(solidarity_project, "Interdependence"))
    set_coding_memo(solidarity_project, coding, "  samen koken als bindmiddel ")
    [row] = _codings(solidarity_project)
    assert (row.text, row.memo) == ("We kookten samen, élke zondag", "samen koken als bindmiddel")
    assert row.code.endswith("Interdependence (onderlinge afhankelijkheid)")

    with pytest.raises(DomainError, match="lies outside"):
        set_coding_range(solidarity_project, coding, WE, 9999)
    remove_coding(solidarity_project, coding)
    assert _codings(solidarity_project) == []


def test_a_code_with_codings_cannot_become_grouping_only(solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    apply_code(solidarity_project, document, code, WE, WE + 10, coder="Lotte")
    with pytest.raises(DomainError, match="has 1 coding"):
        update_code(solidarity_project, code, codable=False)


def test_widening_a_coded_passage_from_the_left_keeps_the_memo_written_on_it(
        solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    made = apply_code(solidarity_project, document, code, WE + 3, WE + 20, coder="Lotte")
    [first] = [ref for ref in made.created if ref.kind == "coding"]
    create_memo(solidarity_project, "Samen", "Wie kookt?", target=MemoTarget("coding", first.id))

    joined = apply_code(solidarity_project, document, code, WE, WE + 10, coder="Lotte")

    [coding] = _codings(solidarity_project)
    assert (coding.id, coding.start, coding.end) == (first.id, WE, WE + 20)
    assert [ref.id for ref in joined.updated if ref.kind == "coding"] == [first.id]
    assert joined.count("coding") == 0  # the new row went into the old one
    with solidarity_project.reading() as session:
        assert session.query(Memo.coding_id).scalar() == first.id
