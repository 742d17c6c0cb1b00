"""A researcher writes, edits and clears framework summaries; each edit is one undo step."""

from __future__ import annotations

import pytest

from workbench.core.analysis.frame import matrix_columns, matrix_rows
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import DomainError, NotFoundError
from workbench.core.services.history import undo
from workbench.core.services.summaries import clear_summary, set_summary
from workbench.core.storage import Project


def cell(project: Project) -> tuple[int, int]:
    with project.reading() as session:
        return (matrix_rows(session, MatrixSpec())[2].case_id,
                matrix_columns(session, "themes")[1].code_id)


def summary_of(project: Project, case_id: int, code_id: int):
    with project.reading() as session:
        return build_matrix(session, MatrixSpec(cell="summary")).value(case_id, code_id)


def test_writing_editing_and_clearing_a_summary(own_sample: Project) -> None:
    case_id, code_id = cell(own_sample)
    changes = set_summary(own_sample, case_id, code_id, "  Buren delen groenten: één keuken.  ",
                          author="Lotte")
    assert changes.kinds == {"summary"}
    first = summary_of(own_sample, case_id, code_id)
    assert (first.text, first.author) == ("Buren delen groenten: één keuken.", "Lotte")

    set_summary(own_sample, case_id, code_id, "Gedeelde strijd rond de regels.", author="Youssef")
    second = summary_of(own_sample, case_id, code_id)
    assert (second.text, second.author) == ("Gedeelde strijd rond de regels.", "Youssef")
    assert own_sample.step_labels("undo")[0] == "Write matrix summary"

    undo(own_sample)
    assert summary_of(own_sample, case_id, code_id).text == "Buren delen groenten: één keuken."

    clear_summary(own_sample, case_id, code_id)
    assert summary_of(own_sample, case_id, code_id) is None
    undo(own_sample)
    assert summary_of(own_sample, case_id, code_id).author == "Lotte"
    set_summary(own_sample, case_id, code_id, "   ", author="Lotte")  # empty text clears
    assert summary_of(own_sample, case_id, code_id) is None


def test_refused_summaries_change_nothing(own_sample: Project) -> None:
    case_id, code_id = cell(own_sample)
    before = own_sample.step_labels("undo")
    with pytest.raises(NotFoundError, match="no case with id 9999"):
        set_summary(own_sample, 9999, code_id, "tekst", author="Lotte")
    with pytest.raises(DomainError, match="at most 20,000 characters"):
        set_summary(own_sample, case_id, code_id, "x" * 20_001, author="Lotte")
    with pytest.raises(DomainError, match="coder name"):
        set_summary(own_sample, case_id, code_id, "tekst", author=" ")
    assert own_sample.step_labels("undo") == before
    assert summary_of(own_sample, case_id, code_id) is None
