"""Edge cases have defined results, each with the reason a researcher reads in the report.

* A code neither coder used: agreement 100% (they agree it is absent), kappa and alpha None,
  because chance agreement is already perfect and the ratio is 0/0.
* A code only one coder used: kappa exactly 0 (no agreement beyond chance), alpha just below 0.
* Identical coding: agreement 100%, kappa 1, alpha 1, every segment matched.
* A document only one coder coded: left out of every figure and listed as left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.analysis.agreement.builders import KITCHEN, SCHOOL, build, report, row

SUNDAY = (0, 25)  # "We koken samen op zondag."
PAPERS = (27, 56)  # "Niemand vraagt naar papieren."


def test_a_code_neither_coder_used_agrees_fully_but_has_no_kappa(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [("Kitchen notes", "Encounter/Mixing", "Lotte", *SUNDAY),
                               ("Kitchen notes", "Encounter/Mixing", "Youssef", *SUNDAY)])
    unused = row(report(tmp_path / "p.cwb"), "Struggle")
    assert unused.percent.value == 1.0
    assert unused.kappa.value is None and "neither Lotte nor Youssef used" in unused.kappa.reason
    assert unused.alpha.value is None and "no coder used this code" in unused.alpha.reason
    assert [(s.segments, s.matched) for s in unused.segments] == [(0, 0), (0, 0)]


def test_a_code_only_one_coder_used_has_kappa_zero(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [("Kitchen notes", "Struggle", "Lotte", *PAPERS),
                               ("Kitchen notes", "Encounter/Mixing", "Youssef", *SUNDAY)])
    result = row(report(tmp_path / "p.cwb"), "Struggle")
    units, coded = len(KITCHEN), PAPERS[1] - PAPERS[0]
    assert result.kappa.value == pytest.approx(0.0)
    assert result.percent.value == pytest.approx((units - coded) / units)
    # alpha = 1 - (n - 1) * o01 / (n0 * n1) with n = 2 * units values, n1 = coded, o01 = coded
    assert result.alpha.value == pytest.approx(1 - (2 * units - 1) / (2 * units - coded))
    assert result.alpha.value < 0
    lotte, youssef = result.segments
    assert (lotte.segments, lotte.matched, lotte.unmatched) == (1, 0, 1)
    assert (youssef.segments, youssef.matched) == (0, 0)


def test_identical_coding_agrees_perfectly(tmp_path: Path) -> None:
    same = [("Kitchen notes", "Encounter/Sharing", coder, *span)
            for coder in ("Lotte", "Youssef") for span in (SUNDAY, PAPERS)]
    build(tmp_path / "p.cwb", same)
    result = report(tmp_path / "p.cwb", seed=3, resamples=200)
    sharing = row(result, "Sharing")
    assert (sharing.percent.value, sharing.kappa.value, sharing.alpha.value) == (1.0, 1.0, 1.0)
    assert (sharing.kappa.low, sharing.kappa.high) == (1.0, 1.0)
    assert [(s.segments, s.matched) for s in sharing.segments] == [(2, 2), (2, 2)]
    assert result.disagreements == ()


def test_a_document_only_one_coder_coded_is_left_out(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [("Kitchen notes", "Struggle", "Lotte", *PAPERS),
                               ("Kitchen notes", "Struggle", "Youssef", *PAPERS),
                               ("School notes", "Struggle", "Lotte", 0, 36)])
    result = report(tmp_path / "p.cwb")
    struggle = row(result, "Struggle")
    assert result.left_out == (("School", "School notes", "Lotte"),)
    assert result.documents == (("Kitchen", "Kitchen notes"),)
    assert struggle.characters == len(KITCHEN)  # the school's characters are not units
    assert (struggle.kappa.value, struggle.alpha.value) == (1.0, 1.0)
    assert [s.segments for s in struggle.segments] == [1, 1]  # the school's segment not counted
    assert [case.label for case in result.cases] == ["Kitchen"]


def test_with_three_coders_a_document_two_coded_counts_for_alpha_only(tmp_path: Path) -> None:
    build(
        tmp_path / "p.cwb",
        [
            *[
                ("Kitchen notes", "Struggle", coder, *PAPERS)
                for coder in ("Lotte", "Youssef", "Amal")
            ],
            ("School notes", "Struggle", "Lotte", 0, 36),
            ("School notes", "Struggle", "Youssef", 0, 20),
        ],
    )
    result = report(tmp_path / "p.cwb", ("Lotte", "Youssef", "Amal"))
    struggle = row(result, "Struggle")
    assert struggle.characters == len(KITCHEN)  # kappa: only the document all three coded
    assert struggle.kappa.value == 1.0 and len(struggle.pairs) == 3
    assert struggle.alpha.value < 1  # alpha also sees the school, where Amal's values are missing
    assert result.all_coders_documents == 1 and len(result.documents) == 2


def test_no_document_coded_by_every_coder_gives_reasons_not_numbers(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [("Kitchen notes", "Struggle", "Lotte", *PAPERS),
                               ("School notes", "Struggle", "Youssef", 0, 20)])
    overall = report(tmp_path / "p.cwb").overall
    assert overall.percent.value is None and overall.kappa.value is None
    assert "no document was coded by every chosen coder" in overall.kappa.reason
    assert overall.alpha.reason == "no character was coded by enough coders to compare"
    assert len(SCHOOL) > 20
