"""The sample project arrives in mixed formats and still anchors every coding to its quote."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from workbench.core.queries.codings import list_codings
from workbench.core.queries.documents import describe_documents
from workbench.core.sample.builder import build_sample_project, sample_source_dir

pytestmark = pytest.mark.slow  # builds the sample project


def _quotes() -> list[tuple[str, str]]:
    quotes = []
    for manifest in sorted(sample_source_dir().glob("cases/*/case.toml")):
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
        titles = {d["id"]: d["title"] for d in data["document"]}
        quotes += [(titles[c["document"]], c["quote"]) for c in data["coding"]]
    return quotes


def test_sample_documents_in_four_formats_keep_their_codings_and_turns(tmp_path: Path) -> None:
    with build_sample_project(tmp_path / "sample.cwb") as project, project.reading() as session:
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
