"""Segment agreement at a chosen overlap, bootstrap intervals, the disagreements side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.analysis.agreement.builders import KITCHEN, build, code_ids, report, row
from workbench.core.analysis.agreement import AgreementSettings, agreement_report
from workbench.core.errors import DomainError, NotFoundError
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.storage import Project

PAPERS = (27, 56)  # "Niemand vraagt naar papieren." (29 characters)


def test_a_segment_is_matched_when_the_other_coder_covers_enough_of_it(tmp_path: Path) -> None:
    # Youssef covers 27 of Lotte's 29 characters (93%), in two passages.
    build(tmp_path / "p.cwb", [("Kitchen notes", "Struggle", "Lotte", *PAPERS),
                               ("Kitchen notes", "Struggle", "Youssef", 27, 40),
                               ("Kitchen notes", "Struggle", "Youssef", 41, 55)])
    at_90 = row(report(tmp_path / "p.cwb"), "Struggle").segments
    assert (at_90[0].segments, at_90[0].matched) == (1, 1)
    assert at_90[0].by == {"Youssef": 1}
    assert (at_90[1].segments, at_90[1].matched) == (2, 2)  # both fully inside Lotte's
    at_95 = row(report(tmp_path / "p.cwb", overlap=0.95), "Struggle").segments
    assert (at_95[0].matched, at_95[0].unmatched) == (0, 1)


def test_the_overlap_must_be_a_share(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [])
    with pytest.raises(DomainError, match="above 0 and at most 1"):
        report(tmp_path / "p.cwb", overlap=90)


def test_unknown_or_too_few_coders_are_refused(tmp_path: Path) -> None:
    build(tmp_path / "p.cwb", [("Kitchen notes", "Struggle", "Lotte", *PAPERS)])
    with pytest.raises(NotFoundError, match="no coder named 'Amal'.*coders: Lotte"):
        report(tmp_path / "p.cwb", ("Lotte", "Amal"))
    with pytest.raises(DomainError, match="two or more different coders"):
        report(tmp_path / "p.cwb", ("Lotte", "lotte"))


def _mixed(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.cwb"
    build(path, [("Kitchen notes", "Struggle", "Lotte", 0, 25),
                 ("Kitchen notes", "Struggle", "Youssef", 0, 20),
                 ("Kitchen notes", "Struggle", "Lotte", 58, 88),
                 ("School notes", "Struggle", "Lotte", 38, 69),
                 ("School notes", "Struggle", "Youssef", 38, 69),
                 ("School notes", "Encounter/Mixing", "Youssef", 0, 36),
                 ("School notes", "Encounter/Mixing", "Lotte", 0, 36)])
    return path


def test_a_fixed_seed_reproduces_the_intervals(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    first = row(report(path, seed=11, resamples=300), "All codes", "overall")
    again = row(report(path, seed=11, resamples=300), "All codes", "overall")
    other = row(report(path, seed=12, resamples=300), "All codes", "overall")
    assert first.kappa == again.kappa and first.alpha == again.alpha
    assert first.kappa.low <= first.kappa.value <= first.kappa.high
    assert first.alpha.low <= first.alpha.value <= first.alpha.high
    assert (first.kappa.low, first.kappa.high) != (other.kappa.low, other.kappa.high)


def test_disagreements_stand_side_by_side_with_their_reference(tmp_path: Path) -> None:
    result = report(_mixed(tmp_path))
    assert [(d.reference, d.passages) for d in result.disagreements] == [
        ("Kitchen · Kitchen notes · ¶1", ("We koken samen op zondag.", "We koken samen op zo")),
        ("Kitchen · Kitchen notes · ¶3", ("De buren brengen groenten mee.", "")),
    ]
    first = result.disagreements[0]
    assert (first.start, first.end, first.characters) == (0, 25, 5)
    assert first.code == "Struggle" and KITCHEN[first.start:first.end] == first.passages[0]


def test_cases_and_themes_have_their_own_rows(tmp_path: Path) -> None:
    result = report(_mixed(tmp_path), resamples=0)
    assert [case.label for case in result.cases] == ["Kitchen", "School"]
    school = row(result, "School", "case")
    assert school.kappa.value == 1.0 and school.characters == len(
        "De school leert kinderen "
        "Nederlands.\n\nOuders komen naar "
        "het oudercafé.\n\nLeerkrachten "
        "twijfelen soms.\n"
    )
    theme = row(result, "Encounter", "theme")
    assert theme.kappa.value == 1.0  # only Mixing was used, identically
    assert [code.label for code in result.codes] == [
        "Encounter", "Encounter/Mixing", "Encounter/Sharing", "Struggle"]


def test_chosen_codes_take_their_sub_codes(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    ids = code_ids(path)
    result = report(path, code_ids=[ids["Encounter"]], resamples=0)
    assert [code.label for code in result.codes] == [
        "Encounter", "Encounter/Mixing", "Encounter/Sharing"]
    assert [theme.label for theme in result.themes] == ["Encounter"]
    assert result.overall.kappa.value == 1.0


def test_the_computation_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    seen: list[tuple[int, int, str]] = []
    with Project.open(path) as project, project.reading() as session:
        agreement_report(session, AgreementSettings(("Lotte", "Youssef")),
                         JobControl(lambda *report: seen.append(report)))
        assert seen[0] == (0, 2, "Kitchen notes") and seen[-1] == (2, 2, "")
        control = JobControl()
        control.cancel()
        with pytest.raises(JobCancelled):
            agreement_report(session, AgreementSettings(("Lotte", "Youssef")), control)
