"""Agreement on whole projects equals scikit-learn and krippendorff on the character vectors.

The test builds each coder's character vectors itself, in plain Python, from the codings it
applies, and hands them to the independent implementations.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.core.analysis.agreement.builders import CODES, KITCHEN, SCHOOL, build, report, row
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.storage import Project

TEXTS = {"Kitchen notes": KITCHEN, "School notes": SCHOOL}
CODERS = ("Lotte", "Youssef", "Amal")


def covered(codings, coder: str, title: str, counts) -> list[bool]:
    """Which characters of ``title`` the coder coded with a code ``counts`` accepts."""
    flags = [False] * len(TEXTS[title])
    for doc, code, who, start, end in codings:
        if doc == title and who == coder and counts(code):
            flags[start:end] = [True] * (end - start)
    return flags


def coded(codings, coder: str, title: str) -> bool:
    return any(doc == title and who == coder for doc, _, who, _, _ in codings)


def pair_vectors(codings, pooled, coders, first, second):
    """Both coders' vectors over the documents every coder coded, code after code."""
    shared = [t for t in TEXTS if all(coded(codings, c, t) for c in coders)]
    a = sum((covered(codings, first, t, counts) for counts in pooled for t in shared), [])
    b = sum((covered(codings, second, t, counts) for counts in pooled for t in shared), [])
    return a, b


def expected_kappa(codings, pooled, coders, first, second) -> float | None:
    from sklearn.metrics import cohen_kappa_score  # scikit-learn loads SciPy: only when used

    a, b = pair_vectors(codings, pooled, coders, first, second)
    return cohen_kappa_score(a, b) if len(set(a + b)) == 2 else None


def expected_alpha(codings, pooled, coders) -> float | None:
    data: list[list[float]] = [[] for _ in coders]
    for counts in pooled:
        for title in TEXTS:
            present = [c for c in coders if coded(codings, c, title)]
            if len(present) < 2:
                continue
            for n, coder in enumerate(coders):
                values = covered(codings, coder, title, counts)
                data[n] += [float(v) if coder in present else np.nan for v in values]
    matrix = np.array(data)
    if matrix.size == 0 or len(np.unique(matrix[~np.isnan(matrix)])) < 2:
        return None
    return krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")


def spans(title: str) -> st.SearchStrategy:
    length = len(TEXTS[title])
    return st.tuples(st.integers(0, length - 1), st.integers(1, 40)).map(
        lambda s: (s[0], min(length, s[0] + s[1])))


codings_strategy = st.lists(
    st.tuples(st.sampled_from(sorted(TEXTS)), st.sampled_from(CODES), st.sampled_from(CODERS))
    .flatmap(lambda t: spans(t[0]).map(lambda s: (t[0], t[1], t[2], s[0], s[1]))),
    min_size=2, max_size=25)


@pytest.fixture(scope="module")
def uncoded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The two documents and the codebook, built once; each example codes a copy of it."""
    path = tmp_path_factory.mktemp("uncoded") / "uncoded.cwb"
    return path, build(path, [])


def coded_copy(uncoded: tuple[Path, dict[str, int]], target: Path, codings) -> Path:
    """What ``build(target, codings)`` makes: the codings applied in one action."""
    source, ids = uncoded
    shutil.copyfile(source, target)
    with Project.open(target) as project:
        apply_codings(project, [CodingSpec(ids[title], ids[code], start, end, coder)
                                for title, code, coder, start, end in codings])
    return target


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codings=codings_strategy)
def test_random_codings_match_scikit_learn_and_krippendorff(uncoded, codings) -> None:
    coders = tuple(c for c in CODERS if any(who == c for _, _, who, _, _ in codings))
    assume(len(coders) >= 2)
    with tempfile.TemporaryDirectory() as folder:
        path = coded_copy(uncoded, Path(folder) / "random.cwb", codings)
        result = report(path, coders, resamples=0)
    each_code = [lambda p, code=code: p == code for code in CODES]
    checks = [("code", code, [counts]) for code, counts in zip(CODES, each_code, strict=True)]
    checks.append(("theme", "Encounter", [lambda p: p.split("/")[0] == "Encounter"]))
    checks.append(("overall", "All codes", each_code))  # pooled: every (character, code) a unit
    for kind, label, pooled in checks:
        found = row(result, label, kind)
        for pair in found.pairs:
            expected = expected_kappa(codings, pooled, coders, pair.first, pair.second)
            assert _same(pair.kappa.value, expected), (label, pair)
            a, b = pair_vectors(codings, pooled, coders, pair.first, pair.second)
            if a:
                assert pair.percent.value == pytest.approx(np.mean(np.equal(a, b)))
        assert _same(found.alpha.value, expected_alpha(codings, pooled, coders)), label
        if len(coders) == 2:
            assert found.kappa == found.pairs[0].kappa


def _same(ours: float | None, expected: float | None) -> bool:
    if expected is None or np.isnan(expected):
        return ours is None
    return ours is not None and ours == pytest.approx(expected, abs=1e-9)
