"""The sample's passages matrix (Word and Excel) and its full report, rendered by LibreOffice
to PDF and read back with pdftotext: every passage whole, page numbers printed.

`.ci/run` installs LibreOffice headless and poppler from Debian's packages when missing.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.core.exporters.test_matrix_xlsx import all_passages
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.exporters.report_docx import ReportSettings, write_report
from workbench.core.storage import Project

pytestmark = pytest.mark.slow


def squeezed(text: str) -> str:
    """Text without white space (lines wrap anywhere in a PDF) or hyphens (pdftotext drops
    some, e.g. in "T-shirt")."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def rendered(folder: Path, *files: Path) -> dict[str, str]:
    """Each file converted to PDF by one LibreOffice run; their text, page by page (\\f)."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if not soffice or not pdftotext:
        pytest.fail("LibreOffice (soffice) and poppler (pdftotext) are needed: .ci/run "
                    "installs them")
    profile = folder / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
                   check=True, capture_output=True, timeout=600)
    texts = {}
    for file in files:
        pdf = folder / f"{file.stem}.pdf"
        if file.suffix == ".xlsx":
            texts[file.name] = column_text(subprocess.run(
                [pdftotext, "-bbox", str(pdf), "-"], check=True, capture_output=True,
                text=True).stdout, "Passage")
        else:
            texts[file.name] = subprocess.run([pdftotext, str(pdf), "-"], check=True,
                                              capture_output=True, text=True).stdout
    return texts


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def column_text(bbox: str, header: str) -> str:
    """A spreadsheet's printed pages, the text of the column under ``header`` only, in reading
    order (pdftotext would run the lines of side-by-side cells together), plus every page's
    footer line (below the column)."""
    pages = []
    for page in bbox.split("<page ")[1:]:
        words = [(float(y), float(x), html.unescape(text)) for x, y, text in _WORD.findall(page)]
        left = min((x for y, x, text in words if text == header), default=None)
        lowest = max((y for y, _x, _t in words), default=0.0)
        kept = sorted((round(y), x, text) for y, x, text in words
                      if (left is not None and x >= left - 1) or y >= lowest - 1)
        footer = " ".join(text for y, _x, text in kept if y >= round(lowest) - 1)
        body = " ".join(text for y, _x, text in kept if y < round(lowest) - 1)
        pages.append(f"{body}\n{footer}")
    return "\f".join(pages) + "\f"


def test_rendered_matrices_and_report_show_every_passage_whole_and_number_their_pages(
        sample: Project, tmp_path: Path) -> None:
    spec = MatrixSpec(by="place")
    word = export_matrix(sample, spec, ["passages"], "docx", tmp_path / "passages-word.docx")
    excel = export_matrix(sample, spec, ["passages"], "xlsx", tmp_path / "passages-excel.xlsx")
    report = write_report(sample, tmp_path / "report.docx", ReportSettings(
        spec=spec, charts=("heatmap",), resamples=20))
    texts = rendered(tmp_path, word, excel, report)
    wanted = all_passages(sample)
    for name, text in texts.items():
        whole = squeezed(text)
        missing = [p.text for p in wanted if squeezed(p.text) not in whole]
        assert not missing, f"{name}: {len(missing)} passages cut, e.g. {missing[0]!r}"
        pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
        assert len(pages) > 1
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page, (name, number)
    assert "Figure 1" in texts["report.docx"] and "Appendix: Codebook" in texts["report.docx"]
