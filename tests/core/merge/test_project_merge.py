"""Two coders' copies of one project come together without losing a single coding.

Property-based: whatever each coder coded, merging A into B loses nothing of either, merging
twice equals merging once, and A into B gives the same content as B into A."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.core.exchange.content import content
from tests.helpers import add_case_with_document, code_id
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.merge.project_merge import merge_project, plan_project_merge
from workbench.core.model import AuditEntry, CaseAttributeValue, Document
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import set_case_attribute
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code
from workbench.core.services.documents import add_document
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # merges generated projects

TEXTS = ("Interviewer: Hoe begon het? 🍲\n\nZoë: We kookten samen, élke zondag, voor wie honger "
         "had.",
         "Veldnota: de buren brachten groenten 🥕 en bleven eten. Niemand vroeg naar papieren.")
CODES = ("Socialisation", "Shared struggle", "Safe and informal spaces")
CODERS = ("Lotte", "Youssef")

codings = st.lists(st.tuples(st.integers(0, 1), st.sampled_from(CODES), st.sampled_from(CODERS),
                             st.integers(0, 60), st.integers(1, 25)), max_size=12)
edits = st.fixed_dictionaries({"codings": codings, "memo": st.booleans(),
                               "new_document": st.booleans(), "new_code": st.booleans()})


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "base.cwb"
    with create_project(path, codebook="solidarity") as project:
        case, _first = add_case_with_document(project, TEXTS[0], case="Solidaire keuken",
                                              title="Interview met Zoë")
        add_document(project, case, "Veldnota", TEXTS[1], kind="fieldnote")
    return path


@pytest.fixture
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def copy_with(base: Path, target: Path, edit: dict, who: str) -> Path:
    """A coder's copy of the base project after their own work."""
    shutil.copy(base, target)
    with Project.open(target) as project:
        if edit["new_code"]:
            create_code(project, "Buurtfeesten", colour="#AA3300")
        specs = []
        for document, code, coder, start, length in edit["codings"]:
            end = min(start + length, len(TEXTS[document]))
            if end > start:
                specs.append(CodingSpec(document + 1, code_id(project, code), start, end, coder))
        if specs:
            apply_codings(project, specs)
        if edit["memo"]:
            create_memo(project, f"Nota van {who}", "Eerste indruk.", author=who,
                        target=MemoTarget("document", 1))
        if edit["new_document"]:
            add_document(project, 1, f"Extra van {who}", f"Extra notities van {who} 🙂.")
    return target


def covered(expected: list[tuple], merged: list[tuple]) -> bool:
    """Every coding of ``expected`` lies inside a coding of ``merged`` (same text, code, coder)."""
    return all(any(m[:3] == e[:3] and m[3] <= e[3] and e[4] <= m[4] for m in merged)
               for e in expected)


SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(edits, edits)
def test_merging_a_into_b_loses_no_coding_of_either(base: Path, folder: Path, a: dict,
                                                    b: dict) -> None:
    first = copy_with(base, folder / "a.cwb", a, "Lotte")
    second = copy_with(base, folder / "b.cwb", b, "Youssef")
    with Project.open(first) as project_a:
        of_a = content(project_a)
    with Project.open(second) as project_b:
        of_b = content(project_b)
        merge_project(project_b, first, author="Youssef")
        merged = content(project_b)
    for part in ("memos", "documents", "cases", "codes"):
        assert set(of_a[part]) | set(of_b[part]) == set(merged[part]), part
    assert covered(of_a["codings"], merged["codings"])
    assert covered(of_b["codings"], merged["codings"])


@SETTINGS
@given(edits, edits)
def test_merging_twice_equals_merging_once(base: Path, folder: Path, a: dict, b: dict) -> None:
    first = copy_with(base, folder / "a.cwb", a, "Lotte")
    second = copy_with(base, folder / "b.cwb", b, "Youssef")
    with Project.open(second) as project:
        merge_project(project, first)
        once = content(project)
        again = merge_project(project, first)
        assert content(project) == once
    assert again.created == () and again.updated == ()


@SETTINGS
@given(edits, edits)
def test_a_into_b_gives_the_same_content_as_b_into_a(base: Path, folder: Path, a: dict,
                                                     b: dict) -> None:
    first = copy_with(base, folder / "a.cwb", a, "Lotte")
    second = copy_with(base, folder / "b.cwb", b, "Youssef")
    shutil.copy(first, folder / "a2.cwb")
    shutil.copy(second, folder / "b2.cwb")
    with Project.open(second) as project:
        merge_project(project, folder / "a2.cwb")
        a_into_b = content(project)
    with Project.open(first) as project:
        merge_project(project, folder / "b2.cwb")
        b_into_a = content(project)
    assert a_into_b == b_into_a


def test_a_qdpx_from_another_coder_merges_in_with_a_preview_and_an_audit_record(
        base: Path, folder: Path) -> None:
    theirs = copy_with(base, folder / "theirs.cwb", {
        "codings": [(0, "Socialisation", "Amal", 30, 20), (1, "Shared struggle", "Amal", 0, 9)],
        "memo": True, "new_document": True, "new_code": True}, "Amal")
    with Project.open(theirs) as project:
        export_project(project, folder / "theirs.qdpx")
    ours = copy_with(base, folder / "ours.cwb", {
        "codings": [(0, "Socialisation", "Lotte", 30, 20)], "memo": False,
        "new_document": False, "new_code": False}, "Lotte")
    with Project.open(ours) as project:
        plan = plan_project_merge(project, folder / "theirs.qdpx")
        assert plan.counts["documents to add"] == 1 and plan.counts["memos to add"] == 1
        assert [r.theirs.name for r in plan.codebook.rows
                if r.ours is None] == ["Buurtfeesten"]
        changes = merge_project(project, plan=plan, author="Lotte")
        merged = content(project)
        history = project.step_labels("undo")
    coders = {coder for _d, _c, coder, *_rest in merged["codings"]}
    assert coders == {"Lotte", "Amal"}
    assert "2 coding(s) added" in changes.message and history[0] == "Merge project"


def test_where_the_two_disagree_ours_is_kept_and_the_difference_reported(
        base: Path, folder: Path) -> None:
    empty = {"codings": [(0, "Socialisation", "Amal", 0, 10)], "memo": False,
             "new_document": False, "new_code": False}
    theirs = copy_with(base, folder / "theirs.cwb", empty, "Amal")
    ours = copy_with(base, folder / "ours.cwb", {**empty, "codings": []}, "Lotte")
    with Project.open(theirs) as project:
        set_case_attribute(project, 1, "place", "school")
    with Project.open(ours) as project:
        set_case_attribute(project, 1, "place", "work")
        changes = merge_project(project, theirs, author="Lotte")
        with project.reading() as session:
            [value] = session.scalars(select(CaseAttributeValue.value)).all()
            [entry] = session.scalars(select(AuditEntry)).all()
    assert value == "work"
    assert "1 difference(s) kept as in this project" in changes.message
    assert "'place' is 'school' there and 'work' here" in entry.details_json


def test_a_colleagues_project_open_in_their_window_can_still_be_merged(tmp_path: Path) -> None:
    theirs_path, ours_path = tmp_path / "youssef.cwb", tmp_path / "lotte.cwb"
    with create_project(theirs_path, codebook="solidarity") as theirs:
        add_case_with_document(theirs, "Zoë: we koken samen, elke zondag.")
    create_project(ours_path, codebook="solidarity").close()

    with Project.open(theirs_path), Project.open(ours_path) as ours:  # theirs stays open
        merge_project(ours, theirs_path)
        with ours.reading() as session:
            assert session.scalar(select(func.count()).select_from(Document)) == 1
