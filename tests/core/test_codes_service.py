"""Editing the codebook: names, definitions, colours, tree moves, order, merge and delete."""

from __future__ import annotations

import pytest

from tests.helpers import add_case_with_document, code_id
from workbench.core.errors import DomainError
from workbench.core.model import Code, Memo
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_codes
from workbench.core.services.codes import (
    create_code,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    update_code,
)
from workbench.core.services.codings import apply_code
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project


def _tree(project: Project) -> list[tuple[int, str]]:
    with project.reading() as session:
        return [(row.depth, row.name) for row in list_codes(session)]


def test_building_a_small_codebook_in_order(project: Project) -> None:
    theme = create_code(project, "Bronnen van solidariteit", colour="#7bc67b").subject.id
    create_code(project, "Strijd", parent_id=theme)
    create_code(project, "Ontmoeting", parent_id=theme, position=0)
    create_code(project, "Afhankelijkheid", parent_id=theme, position=1)

    assert _tree(project) == [(0, "Bronnen van solidariteit"), (1, "Ontmoeting"),
                              (1, "Afhankelijkheid"), (1, "Strijd")]
    with project.reading() as session:
        colours = {c.name: c.colour for c in session.query(Code)}
    assert colours["Bronnen van solidariteit"] == "#7BC67B"
    assert colours["Strijd"] == "#7BC67B"  # a sub-code starts in its theme's colour


def test_sibling_names_must_differ_but_cousins_may_share_one(project: Project) -> None:
    first = create_code(project, "Thema A").subject.id
    second = create_code(project, "Thema B").subject.id
    create_code(project, "Rol van de professional", parent_id=first)
    create_code(project, "Rol van de professional", parent_id=second)
    with pytest.raises(DomainError, match="already a code named 'Rol van de professional' under"):
        create_code(project, "rol van de PROFESSIONAL", parent_id=first)
    with pytest.raises(DomainError, match="at the top of the codebook"):
        rename_code(project, second, "thema a")


def test_definition_fields_and_colour_are_edited(solidarity_project: Project) -> None:
    code = code_id(solidarity_project, "Shared struggle")
    update_code(
        solidarity_project,
        code,
        colour="#abc",
        example="  “We gingen samen naar het stadhuis.” ",
        when_not_to_use="Niet voor louter ontmoeting.",
    )
    with solidarity_project.reading() as session:
        edited = session.get_one(Code, code)
    assert edited.colour == "#AABBCC"
    assert edited.example == "“We gingen samen naar het stadhuis.”"
    assert edited.when_not_to_use == "Niet voor louter ontmoeting."
    assert edited.definition  # the built-in definition is kept
    with pytest.raises(DomainError, match="not a colour"):
        update_code(solidarity_project, code, colour="rood")


def test_moving_a_code_with_its_subcodes_and_refusing_cycles(project: Project) -> None:
    theme = create_code(project, "Pedagogie").subject.id
    sub = create_code(project, "Socialisatie", parent_id=theme).subject.id
    leaf = create_code(project, "Samen spelen", parent_id=sub).subject.id
    other = create_code(project, "Burgerschap").subject.id

    with pytest.raises(DomainError, match="under itself or one of its sub-codes"):
        move_code(project, theme, leaf)
    move_code(project, sub, other)
    assert _tree(project) == [(0, "Pedagogie"), (0, "Burgerschap"), (1, "Socialisatie"),
                              (2, "Samen spelen")]
    move_code(project, other, None, position=0)
    assert _tree(project)[0] == (0, "Burgerschap")


def test_merging_two_codes_keeps_every_coded_passage(project: Project) -> None:
    _case, document = add_case_with_document(project, "Samen koken, samen eten, samen praten.")
    source = create_code(project, "Samen doen").subject.id
    target = create_code(project, "Socialisatie").subject.id
    child = create_code(project, "Koken", parent_id=source).subject.id
    apply_code(project, document, source, 0, 12, coder="Lotte")
    apply_code(project, document, target, 6, 20, coder="Lotte")  # overlaps: joined after merge
    apply_code(project, document, source, 0, 12, coder="Youssef")
    apply_code(project, document, child, 14, 25, coder="Youssef")
    create_memo(project, "Waarom samen doen", "...", target=MemoTarget("code", source))

    changes = merge_codes(project, source, target)

    assert changes.message == "Merged 'Samen doen' into 'Socialisatie' (2 coding(s) moved)."
    with project.reading() as session:
        rows = list_codings(session)
        memo = session.query(Memo).one()
    assert sorted((r.coder, r.code, r.start, r.end) for r in rows) == [
        ("Lotte", "Socialisatie", 0, 20), ("Youssef", "Socialisatie", 0, 12),
        ("Youssef", "Socialisatie/Koken", 14, 25)]
    assert memo.code_id == target
    assert _tree(project) == [(0, "Socialisatie"), (1, "Koken")]
    with pytest.raises(DomainError, match="into itself"):
        merge_codes(project, target, target)


def test_deleting_a_code_takes_its_subcodes_and_codings(project: Project) -> None:
    _case, document = add_case_with_document(
        project, "Een lange passage over strijd en huisvesting."
    )
    theme = create_code(project, "Strijd").subject.id
    sub = create_code(project, "Huisvesting", parent_id=theme).subject.id
    keep = create_code(project, "Ontmoeting").subject.id
    apply_code(project, document, theme, 0, 10, coder="Lotte")
    apply_code(project, document, sub, 20, 30, coder="Lotte")
    apply_code(project, document, keep, 0, 5, coder="Lotte")

    changes = delete_code(project, theme)

    assert changes.message == "Deleted code 'Strijd' and 1 sub-code(s) with 2 coding(s)."
    assert _tree(project) == [(0, "Ontmoeting")]
    with project.reading() as session:
        assert [r.code for r in list_codings(session)] == ["Ontmoeting"]
