"""On randomised projects (hypothesis), matrix figures still equal the plain-SQL computation."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.core.analysis.sql_oracle import oracle
from tests.core.analysis.test_matrix_figures import assert_same, figures
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.coders import add_coder
from workbench.core.services.codes import create_code
from workbench.core.services.documents import add_document
from workbench.core.storage import Project

WORDS = ["samen", "koken", "ideeën", "dag-en-nacht", "élke", "zo'n", "buurt", "Zoë", "🍲", "strijd"]

words = st.lists(st.sampled_from(WORDS), min_size=3, max_size=40)
paragraph = words.map(" ".join)
document = st.tuples(st.lists(paragraph, min_size=1, max_size=4).map("\n\n".join),
                     st.sampled_from(["interview", "fieldnote"]))
tree = st.lists(st.tuples(st.booleans(), st.lists(st.integers(0, 2), max_size=3)),
                min_size=1, max_size=3)  # themes: (codable?, children with 0-2 grandchildren)
coding = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.floats(0, 1),
                   st.floats(0, 1), st.sampled_from(["Lotte", "Youssef"]))
project_shape = st.tuples(tree, st.lists(st.lists(document, min_size=1, max_size=2,
                                                  unique_by=lambda d: d[0]),
                                         min_size=1, max_size=3),
                          st.lists(coding, min_size=0, max_size=30))


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new project with its two coders, made once; each example builds on a copy."""
    path = tmp_path_factory.mktemp("empty") / "empty.cwb"
    with create_project(path) as project:
        for name in ("Lotte", "Youssef"):
            add_coder(project, name)
    return path


def build(path: Path, shape: tuple, empty: Path) -> None:
    themes, cases, codings = shape
    shutil.copyfile(empty, path)
    # Each step its own action, as a researcher's; folded into the file once, at the end.
    with Project.open(path) as project, project.batch():
        codable: list[int] = []
        for n, (theme_codable, children) in enumerate(themes):
            theme = create_code(project, f"Thema {n}", codable=theme_codable).subject.id
            codable += [theme] if theme_codable else []
            for m, grandchildren in enumerate(children):
                child = create_code(project, f"Code {n}.{m}", parent_id=theme).subject.id
                codable.append(child)
                for k in range(grandchildren):
                    codable.append(create_code(project, f"Code {n}.{m}.{k}",
                                               parent_id=child).subject.id)
        documents: list[tuple[int, int]] = []
        for n, texts in enumerate(cases):
            case = create_case(project, f"Casus {n}").subject.id
            for m, (text, kind) in enumerate(texts):
                changes = add_document(project, case, f"Document {n}.{m}", text, kind=kind)
                documents.append((changes.subject.id, len(text)))
        specs = []
        for which_document, which_code, start, width, coder in codings:
            if not codable:
                break
            document_id, length = documents[which_document % len(documents)]
            first = int(start * (length - 1))
            last = min(length, first + 1 + int(width * length / 2))
            specs.append(CodingSpec(document_id, codable[which_code % len(codable)], first, last,
                                    coder))
        if specs:
            apply_codings(project, specs)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no slow shrinking in the suite
@given(shape=project_shape, columns=st.sampled_from(["themes", "codes"]),
       coders=st.sampled_from([(), ("Lotte",)]), kinds=st.sampled_from([(), ("interview",)]))
def test_random_project_matrix_equals_plain_sql(empty: Path, shape: tuple, columns: str,
                                                coders: tuple, kinds: tuple) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.cwb"
        build(path, shape, empty)
        expected = oracle(path, columns, coders, kinds)
        with Project.open(path) as project, \
                project.reading() as session:
            for mode in ("count", "documents", "words", "share"):
                matrix = build_matrix(session, MatrixSpec(columns, mode, coders=coders,
                                                          kinds=kinds))
                assert_same(figures(matrix), expected[mode])
