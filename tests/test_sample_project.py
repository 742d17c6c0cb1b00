"""The bundled sample project: enough invented material to show every feature."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.core.analysis.sample import sample_copy
from workbench.core.model import Document, DocumentKind
from workbench.core.queries.code_tree import subtree_ids
from workbench.core.queries.codings import CodingRow, list_codings
from workbench.core.queries.listing import list_cases, list_codes
from workbench.core.sample.builder import sample_source_dir
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # reads the whole sample project


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The run's sample project (built by ``build_sample_project`` once for every worker)."""
    path = sample_copy(tmp_path_factory, tmp_path_factory.mktemp("sample") / "sample.cwb")
    with Project.open(path) as project:
        yield project


def _codings(project: Project) -> list[CodingRow]:
    with project.reading() as session:
        return list_codings(session)


def test_six_cases_in_different_settings_with_typed_attributes(sample: Project) -> None:
    with sample.reading() as session:
        cases = list_cases(session)
    assert len(cases) >= 6
    assert {c.attributes["place"] for c in cases} >= {"school", "leisure", "work", "living",
                                                       "public space"}
    for case in cases:
        assert set(case.attributes) == {"place", "city", "design", "members", "fieldwork_start",
                                        "ongoing"}
        assert case.documents >= 3


def test_interviews_and_fieldnotes_with_non_ascii_text(sample: Project) -> None:
    with sample.reading() as session:
        documents = session.scalars(select(Document)).all()
    assert len(documents) >= 18
    kinds = Counter(d.kind for d in documents)
    assert kinds[DocumentKind.INTERVIEW] >= 12 and kinds[DocumentKind.FIELDNOTE] >= 6
    assert all(any(ord(ch) > 127 for ch in d.text) for d in documents)
    assert sum(any(ord(ch) > 0xFFFF for ch in d.text) for d in documents) >= 6  # emoji


def test_codings_cover_every_theme_by_two_coders(sample: Project) -> None:
    codings = _codings(sample)
    assert len(codings) >= 150
    assert set(Counter(c.coder for c in codings)) == {"Lotte", "Youssef"}
    with sample.reading() as session:
        themes = [row for row in list_codes(session) if row.depth == 0]
        for theme in themes:
            in_theme = set(subtree_ids(session, theme.id))
            assert any(c.code_id in in_theme for c in codings), theme.name


def test_some_documents_are_coded_by_both_coders_with_overlaps(sample: Project) -> None:
    by_document: dict[int, list[CodingRow]] = {}
    for coding in _codings(sample):
        by_document.setdefault(coding.document_id, []).append(coding)
    double = [
        rows for rows in by_document.values() if {r.coder for r in rows} == {"Lotte", "Youssef"}
    ]
    assert len(double) >= 6
    for rows in double:
        lotte = [r for r in rows if r.coder == "Lotte"]
        youssef = [r for r in rows if r.coder == "Youssef"]
        assert any(a.start < b.end and b.start < a.end for a in lotte for b in youssef)


def test_every_coding_is_anchored_to_its_quote(sample: Project) -> None:
    quotes: Counter[tuple[str, str]] = Counter()
    source = sample_source_dir()
    for manifest in sorted(source.glob("cases/*/case.toml")):
        data = tomllib.loads(Path(manifest).read_text(encoding="utf-8"))
        titles = {d["id"]: d["title"] for d in data["document"]}
        for coding in data["coding"]:
            quotes[(titles[coding["document"]], coding["quote"])] += 1
    coded: Counter[tuple[str, str]] = Counter((c.document, c.text) for c in _codings(sample))
    assert coded == quotes
