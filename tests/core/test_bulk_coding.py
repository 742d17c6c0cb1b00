"""Coding many passages at once: all or nothing, joined like single codings."""

from __future__ import annotations

import pytest

from tests.helpers import add_case_with_document, code_id, table_contents
from workbench.core.errors import DomainError
from workbench.core.model import Coding, Memo
from workbench.core.queries.codings import list_codings
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codings import apply_code
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

TEXT = "🙂 Samen koken. Samen eten. Samen afwassen, dat is het moeilijkste."


def test_many_passages_are_coded_in_one_action(solidarity_project: Project) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    apply_code(solidarity_project, document, code, 2, 8, coder="Lotte")
    specs = [
        CodingSpec(document, code, TEXT.index("Samen eten"), TEXT.index(" Samen afw"), "Lotte"),
        CodingSpec(document, code, 5, 14, "Lotte"),  # overlaps the existing coding: joined
        CodingSpec(document, code, 2, 15, "Bram"),
        CodingSpec(document, code, 10, 15, "Bram"),
    ]  # joins the one before it

    changes = apply_codings(solidarity_project, specs)

    with solidarity_project.reading() as session:
        rows = list_codings(session)
    assert sorted((r.coder, r.text) for r in rows) == [
        ("Bram", "Samen koken. "), ("Lotte", "Samen eten."), ("Lotte", "Samen koken.")]
    assert changes.count("coder") == 1
    assert changes.count("coding") == 2  # Bram's and "Samen eten"; the third joined the old one


def test_one_bad_passage_stops_the_whole_batch(solidarity_project: Project, project_path) -> None:
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    before = table_contents(project_path)
    with pytest.raises(DomainError, match="lies outside document"):
        apply_codings(solidarity_project, [CodingSpec(document, code, 0, 5, "Nieuw"),
                                           CodingSpec(document, code, 0, 500, "Nieuw")])
    assert table_contents(project_path) == before


def test_a_stored_coding_joined_with_new_ones_keeps_its_identity_and_memos(
        solidarity_project: Project) -> None:
    """Autocoding a passage that starts before one already coded widens the coded one; the
    memo written on it stays."""
    _case, document = add_case_with_document(solidarity_project, TEXT)
    code = code_id(solidarity_project, "Socialisation")
    made = apply_code(solidarity_project, document, code, 8, 14, coder="Lotte")
    [stored] = [ref for ref in made.created if ref.kind == "coding"]
    create_memo(solidarity_project, "Koken", "Waarom samen?",
                target=MemoTarget("coding", stored.id))

    apply_codings(solidarity_project, [CodingSpec(document, code, 2, 9, "Lotte", "begin"),
                                       CodingSpec(document, code, 14, 26, "Lotte")])

    with solidarity_project.reading() as session:
        [coding] = session.query(Coding).all()
        [memo] = session.query(Memo).all()
    assert (coding.uuid, coding.start, coding.end, coding.memo) == (stored.uuid, 2, 26, "begin")
    assert memo.coding_id == coding.id
