"""A researcher builds the whole report in one go and finds every part in order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import DomainError
from workbench.core.exporters.report_docx import ReportSettings, write_report
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.storage import Project

pytestmark = pytest.mark.slow  # writes the whole Word report of the sample


def paragraph_styles(document: DocxDocument) -> list[str]:
    """Each paragraph's style name, as ``paragraph.style.name`` gives it, with the style ids'
    names read once (``paragraph.style`` searches every style for each paragraph)."""
    names = {style.style_id: style.name for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH).name
    return [names[p._p.style] if p._p.style else default for p in document.paragraphs]


def test_the_report_has_title_contents_numbered_tables_and_figures_agreement_and_codebook(
        sample: Project, tmp_path: Path) -> None:
    seen: list[str] = []
    path = write_report(sample, tmp_path / "report.docx", ReportSettings(
        spec=MatrixSpec(by="place"), matrices=("count", "passages"), resamples=20),
        JobControl(lambda _d, _t, message: seen.append(message)))
    document = docx.Document(str(path))
    styles = paragraph_styles(document)
    headings = [p.text for p, style in zip(document.paragraphs, styles, strict=True)
                if style.startswith("Heading 1")]
    assert headings == ["Contents", "1 Cross-case matrices", "2 Figures",
                        "3 Inter-coder agreement", "Appendix: Codebook"]
    title = document.paragraphs[styles.index("Title")]
    assert title.text.startswith("Solidarity in diversity")
    fields = " ".join(node.text for node in document.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in fields
    shown = [p.text for p in document.paragraphs]  # the contents as shown before Word updates
    start = shown.index("Contents") + 1
    assert shown[start:start + 2] == ["1 Cross-case matrices", "Codings"]
    assert shown.count("Appendix: Codebook") == 2
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    captions = [p.text for p in document.paragraphs if p.text.startswith(("Table ", "Figure "))]
    tables = [c for c in captions if c.startswith("Table ")]
    figures = [c for c in captions if c.startswith("Figure ")]
    assert tables == [f"Table {n}" for n in range(1, len(tables) + 1)]
    assert figures == [f"Figure {n}" for n in range(1, 5)]
    assert fields.count("SEQ Table") == len(tables) and fields.count("SEQ Figure") == 4
    pictures = document.inline_shapes
    assert len(pictures) == 4
    orientations = [section.orientation for section in document.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations
    assert orientations[-1] == WD_ORIENT.PORTRAIT  # the codebook appendix
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Intervals: 95% bootstrap over paragraphs" in text  # the methods paragraph
    assert "Shared struggle (gezamenlijke strijd)" in text  # the codebook appendix
    assert any("Drawing the code co-occurrence network" in m for m in seen)


def test_a_report_of_some_parts_only_and_a_cancelled_one(sample: Project, tmp_path: Path) -> None:
    path = write_report(sample, tmp_path / "small.docx", ReportSettings(
        matrices=("count",), cooccurrence=False, charts=("heatmap",), agreement_coders=(),
        codebook=False, title="Pilot"))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["Contents", "1 Cross-case matrices", "2 Figures"]
    assert document.core_properties.title == "Pilot" and len(document.inline_shapes) == 1
    with pytest.raises(DomainError, match="'pie' is not a chart"):
        ReportSettings(charts=("pie",))
    control = JobControl(lambda *_args: control.cancel())
    with pytest.raises(JobCancelled):
        write_report(sample, tmp_path / "cancelled.docx", control=control)
    assert not (tmp_path / "cancelled.docx").exists()
