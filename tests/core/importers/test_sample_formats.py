"""The sample project arrives in mixed formats and still anchors every coding to its quote."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.core.analysis.sample import sample_copy
from workbench.core.queries.codings import list_codings
from workbench.core.queries.documents import describe_documents
from workbench.core.sample.builder import sample_source_dir
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # builds the sample project (once a run, shared)


def _quotes() -> list[tuple[str, str]]:
    quotes = []
    for manifest in sorted(sample_source_dir().glob("cases/*/case.toml")):
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
        titles = {d["id"]: d["title"] for d in data["document"]}
        quotes += [(titles[c["document"]], c["quote"]) for c in data["coding"]]
    return quotes


def test_sample_documents_in_four_formats_keep_their_codings_and_turns(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # What build_sample_project made: the run builds it once for every test that reads it.
    sample = sample_copy(tmp_path_factory, tmp_path / "sample.cwb")
    with Project.open(sample) as project, project.reading() as session:
        documents = describe_documents(session)
        codings = list_codings(session)

    assert len({d.case for d in documents}) == 6
    assert len(documents) == 18
    formats = Counter(Path(d.source).suffix for d in documents)
    assert set(formats) == {".docx", ".odt", ".pdf", ".txt"}
    assert min(formats.values()) >= 3
    assert len(codings) == 394
    assert Counter((c.document, c.text) for c in codings) == Counter(_quotes())
    interviews = [d for d in documents if d.kind == "interview"]
    assert len(interviews) == 12
    assert all(d.speaker_turns >= 10 for d in interviews), [
        (d.source, d.speaker_turns) for d in interviews]
    assert all(d.speaker_turns == 0 for d in documents if d.kind == "fieldnote")
