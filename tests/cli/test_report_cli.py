"""`workbench report` from the command line, as a researcher scripts the end of a project."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.core.analysis.sample import sample_copy


@pytest.fixture
def sample(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return sample_copy(tmp_path_factory, tmp_path / "sample.cwb")


@pytest.mark.slow  # writes the Word report of the sample
def test_report_command_writes_the_chosen_parts(workbench, sample: Path,
                                                tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    result = workbench("report", sample, "-o", target, "--matrix", "count", "--chart",
                       "heatmap", "--chart", "coders", "--no-agreement", "--paper", "letter",
                       "--title", "Solidariteit: eindrapport")
    assert result.code == 0, result.err
    assert result.out == f"Wrote the report to {target}.\n"
    document = docx.Document(str(target))
    assert document.core_properties.title == "Solidariteit: eindrapport"
    assert len(document.inline_shapes) == 2
    assert abs(document.sections[0].page_height.cm - 27.94) < 0.01
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Appendix: Codebook" in headings and not any("agreement" in h for h in headings)


def test_report_command_errors_are_one_line(workbench, sample: Path, tmp_path: Path) -> None:
    for extra, message in ((("-o", tmp_path / "r.pdf"), "give -o FILE.docx"),
                           (("-o", tmp_path / "none" / "r.docx"), "does not exist"),
                           (("-o", tmp_path / "r.docx", "--coders", "Lotte", "Nobody",
                             "--no-charts"), "Nobody"),
                           (("-o", tmp_path / "r.docx", "--coders", "Lotte"), "two or more")):
        result = workbench("report", sample, *extra)
        assert result.code == 2 and message in result.err and result.err.count("\n") == 1
