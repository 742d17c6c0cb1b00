"""The sample project's double-coded documents (one per case, Lotte and Youssef): realistic
material, checked against scikit-learn and krippendorff on vectors the test builds itself."""

from __future__ import annotations

from collections.abc import Iterator

import krippendorff
import numpy as np
import pytest

from tests.core.analysis.sample import sample_copy
from workbench.core.analysis.agreement import AgreementReport, AgreementSettings, agreement_report
from workbench.core.model import Document
from workbench.core.queries.codings import list_codings
from workbench.core.queries.listing import list_codes, list_documents
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # builds the sample project


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = sample_copy(tmp_path_factory, tmp_path_factory.mktemp("sample") / "sample.cwb")
    with Project.open(path) as project:
        yield project


@pytest.fixture(scope="module")
def result(sample: Project) -> AgreementReport:
    with sample.reading() as session:
        return agreement_report(session, AgreementSettings(("Lotte", "Youssef"), seed=2016))


def vectors(sample: Project) -> tuple[np.ndarray, np.ndarray]:
    """Both coders' coded/not-coded flags, per code (pooled), over the double-coded documents."""
    with sample.reading() as session:
        codings = list_codings(session)
        codes = [code.id for code in list_codes(session)]
        lengths = {d.id: len(session.get_one(Document, d.id).text)
                   for d in list_documents(session)}
    by_both = {d for d in lengths
               if {c.coder for c in codings if c.document_id == d} == {"Lotte", "Youssef"}}
    flags = {coder: [] for coder in ("Lotte", "Youssef")}
    for code in codes:
        for document in sorted(by_both):
            for coder in flags:
                covered = np.zeros(lengths[document], dtype=bool)
                for c in codings:
                    if (c.document_id, c.code_id, c.coder) == (document, code, coder):
                        covered[c.start:c.end] = True
                flags[coder].append(covered)
    return np.concatenate(flags["Lotte"]), np.concatenate(flags["Youssef"])


def test_six_double_coded_documents_are_compared(result: AgreementReport) -> None:
    assert len(result.documents) == 6 and result.all_coders_documents == 6
    assert len(result.cases) == 6 and len(result.left_out) == 12


def test_overall_kappa_and_alpha_equal_independent_computations(sample: Project,
                                                                result: AgreementReport) -> None:
    from sklearn.metrics import cohen_kappa_score  # scikit-learn loads SciPy: only when used

    lotte, youssef = vectors(sample)
    overall = result.overall
    assert overall.kappa.value == pytest.approx(cohen_kappa_score(lotte, youssef), abs=1e-12)
    assert overall.alpha.value == pytest.approx(krippendorff.alpha(
        reliability_data=np.vstack([lotte, youssef]).astype(float),
        level_of_measurement="nominal"), abs=1e-9)
    assert overall.percent.value == pytest.approx(np.mean(lotte == youssef))
    assert overall.kappa.low < overall.kappa.value < overall.kappa.high


def test_every_passage_disagreed_on_is_listed_with_its_reference(result: AgreementReport) -> None:
    assert result.disagreements
    for disagreement in result.disagreements:
        assert disagreement.reference.count(" · ¶") == 1
        assert any(disagreement.passages) and not all(
            p == disagreement.passages[0] for p in disagreement.passages)
