"""Time the full Word report (`workbench report`) of the large synthetic project.

The report holds the counts, row percentages and passages matrices (cases x themes), the codes x
codes co-occurrence table, the four charts, the agreement section (all coders, bootstrap
intervals) and the codebook appendix. The baseline, measured in the same run, is python-docx
alone writing the same passages as plain paragraphs (read with sqlite3) and saving the file:
the floor any Word report of these passages costs. Each part is timed on its own too.

Measured (31 cases, 1,000 documents, 5 million words, 99,006 codings; a shared 2-core machine
under load): full report 171 s (11.9 MB) beside 13.8 s for python-docx alone.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import docx
from docx.oxml import OxmlElement

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import large_project, project_arguments

from workbench.core.charts import CHART_KINDS
from workbench.core.exporters.report_docx import ReportSettings, write_report
from workbench.core.storage import Project

CODINGS = 'SELECT document_id, start, "end" FROM coding ORDER BY document_id, start'
TEXTS = "SELECT id, text FROM document"  # each text read once (a join would read it per coding)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML cannot hold
PARTS = {
    "report: counts only": ReportSettings(matrices=("count",), cooccurrence=False, charts=(),
                                          agreement_coders=(), codebook=False),
    "report: passages matrix": ReportSettings(matrices=("passages",), cooccurrence=False,
                                              charts=(), agreement_coders=(), codebook=False),
    "report: {charts}": ReportSettings(matrices=(), cooccurrence=False, agreement_coders=(),
                                       codebook=False),
    "report: agreement": ReportSettings(matrices=(), cooccurrence=False, charts=(),
                                        codebook=False),
}
COUNTS = ("no charts", "one chart", "two charts", "three charts", "four charts")


def bare_docx(path: Path, target: Path) -> int:
    """The baseline: every passage as a plain paragraph, written by python-docx alone."""
    connection = sqlite3.connect(path)
    try:
        documents = dict(connection.execute(TEXTS).fetchall())
        texts = [documents[document][start:end]
                 for document, start, end in connection.execute(CODINGS)]
    finally:
        connection.close()
    document = docx.Document()
    end = document.element.body.sectPr  # paragraphs go before the section properties
    for text in texts:  # as XML: python-docx's add_paragraph looks for that place every time
        paragraph = OxmlElement("w:p")
        run = OxmlElement("w:r")
        body = OxmlElement("w:t")
        body.text = CONTROL.sub("", text)
        run.append(body)
        paragraph.append(run)
        end.addprevious(paragraph)
    document.save(str(target))
    return len(texts)


def timed(task: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = task()  # type: ignore[operator]
    return time.perf_counter() - started, result


def run(path: Path, folder: Path, resamples: int, parts: bool,
        charts: tuple[str, ...] = CHART_KINDS) -> None:
    """Print each figure as soon as it is measured (the full report takes minutes). ``charts``:
    the kinds the full report and its charts part draw (a tiny run draws one: 3 s each)."""
    print(f"\n{'task':<30} {'ours (s)':>10} {'docx (s)':>10} {'ratio':>7}  result", flush=True)
    baseline, count = timed(lambda: bare_docx(path, folder / "bare.docx"))
    line("python-docx alone (baseline)", baseline, baseline, f"{count:,} passages")
    with Project.open(path) as project:
        full = ReportSettings(resamples=resamples, charts=charts)
        seconds, written = timed(lambda: write_report(project, folder / "report.docx", full))
        size = Path(written).stat().st_size / 1048576  # type: ignore[arg-type]
        line("full report", seconds, baseline, f"{size:.1f} MB")
        for name, settings in PARTS.items() if parts else ():
            changed = {"resamples": resamples, **({"charts": charts} if settings.charts else {})}
            settings = ReportSettings(**{**settings.__dict__, **changed})
            seconds, _ = timed(lambda s=settings: write_report(project, folder / "part.docx", s))
            line(name.format(charts=COUNTS[len(charts)]), seconds, baseline, "")


def line(task: str, ours: float, raw: float, note: str) -> None:
    print(f"{task:<30} {ours:10.3f} {raw:10.3f} {ours / raw:7.2f}  {note}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    project_arguments(parser)
    parser.add_argument("--resamples", type=int, default=1000,
                        help="agreement bootstrap resamples (the report's default: 1000)")
    parser.add_argument("--no-parts", action="store_true",
                        help="time the full report only, not each part on its own")
    parser.add_argument("--charts", nargs="+", choices=CHART_KINDS, default=list(CHART_KINDS),
                        help="the chart kinds to draw (default: all four)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = large_project(arguments, folder)
        run(path, folder, arguments.resamples, not arguments.no_parts,
            tuple(dict.fromkeys(arguments.charts)))


if __name__ == "__main__":
    main()
