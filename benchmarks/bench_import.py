"""Time importing Word transcripts through the import job, beside python-docx reading them alone.

Then times reading one generated PDF transcript of --pdf-pages pages (running header, page
numbers, speaker labels on their own lines) with our layout-aware reader, beside pdfminer.six's
own ``extract_text`` on the same file (ratio: ours / pdfminer).

Generates FILES .docx transcripts of about WORDS words each (speaker turns, accents, an emoji),
then times, in the same run and on the same files:
  python-docx  opening each file and reading every paragraph's text (the library's own cost);
  import job   import_files into a fresh project: checks, reading, turns, storing, indexing.
Each is run --repeat times, alternating, and the fastest run of each counts (the least disturbed
by whatever else the machine does). The ratio is import job / python-docx.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.importers.job import import_files
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project

VOCABULARY = ("samen koken buurt ideeën café vrijwilligers solidariteit werk school ouders "
              "kinderen taal Nederlands Frans vergadering huis werf regels strijd stad "
              "gemeente één élke zoë déjà coördinator vertrouwen ontmoeting 🍲 ja nee dus "
              "eigenlijk allee hè maar wel niet ook altijd soms nooit").split()


def generate(folder: Path, files: int, words: int, seed: int = 7) -> list[Path]:
    randomness = random.Random(seed)
    paths = []
    for number in range(files):
        document = docx.Document()
        document.core_properties.title = f"Interview {number + 1}"
        document.add_heading(f"Interview {number + 1}", level=1)
        written, turn = 0, 0
        while written < words:
            speaker = "Interviewer" if turn % 2 == 0 else f"R{number % 3 + 1}"
            length = randomness.randint(10, 25) if turn % 2 == 0 else randomness.randint(60, 160)
            words_said = [randomness.choice(VOCABULARY) for _ in range(length)]
            # As transcribers write them: the label in bold, an aside in italics.
            paragraph = document.add_paragraph(f"[{turn // 60:02}:{turn % 60:02}:00] ")
            paragraph.add_run(f"{speaker}:").bold = True
            cut = randomness.randint(1, length)
            paragraph.add_run(" " + " ".join(words_said[:cut]).capitalize())
            if turn % 5 == 1:
                paragraph.add_run(" (lacht)").italic = True
            paragraph.add_run(" " + " ".join(words_said[cut:]) + ".")
            written += length
            turn += 1
        path = folder / f"interview-{number + 1:03}.docx"
        document.save(path)
        paths.append(path)
    return paths


def python_docx_alone(paths: list[Path]) -> tuple[float, int]:
    started = time.perf_counter()
    characters = 0
    for path in paths:
        document = docx.Document(path)
        characters += sum(len(paragraph.text) for paragraph in document.paragraphs)
    return time.perf_counter() - started, characters


def import_job(paths: list[Path], project_path: Path) -> tuple[float, str]:
    with create_project(project_path) as project:
        case = create_case(project, "Benchmark").subject.id
        started = time.perf_counter()
        report = import_files(project, case, paths)
        seconds = time.perf_counter() - started
    return seconds, report.summary


def generate_pdf(path: Path, pages: int, seed: int = 7) -> Path:
    """A transcript as a QDA program prints it: header, page numbers, labels on their own line."""
    from fpdf import FPDF  # a test dependency, needed only here

    class Transcript(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, "Interview R1 - transcript", align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()}", align="C")

    randomness = random.Random(seed)
    words = [w for w in VOCABULARY if w.isascii()]
    pdf = Transcript()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    turn = 0
    while pdf.page_no() < pages:
        pdf.multi_cell(0, 6, "Interviewer:" if turn % 2 == 0 else "R1:", new_x="LMARGIN",
                       new_y="NEXT")
        length = randomness.randint(10, 25) if turn % 2 == 0 else randomness.randint(60, 160)
        text = " ".join(randomness.choice(words) for _ in range(length)).capitalize() + "."
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        turn += 1
    pdf.output(str(path))
    return path


def pdf_figures(folder: Path, pages: int, repeat: int) -> None:
    from pdfminer.high_level import extract_text

    from workbench.core.importers.pdf_reader import read_pdf

    path = generate_pdf(folder / "transcript.pdf", pages)
    library_runs, our_runs = [], []
    for _run in range(repeat):
        started = time.perf_counter()
        characters = len(extract_text(str(path)))
        library_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        extracted = read_pdf(path)
        our_runs.append(time.perf_counter() - started)
    library, ours = min(library_runs), min(our_runs)
    print(f"{'pdfminer':<14} {library:9.3f}  ({pages} pages, {characters:,} characters)")
    print(f"{'read_pdf':<14} {ours:9.3f}  ({'; '.join(extracted.notes)})")
    print(f"pdf-ratio {ours / library:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf-pages", type=int, default=30, help="0 leaves the PDF out")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        paths = generate(Path(folder), arguments.files, arguments.words)
        print(f"Generated {len(paths)} .docx files of about {arguments.words:,} words "
              f"in {time.perf_counter() - started:.1f} s")
        library_runs, our_runs = [], []
        for run in range(arguments.repeat):
            library_seconds, characters = python_docx_alone(paths)
            our_seconds, summary = import_job(paths, Path(folder) / f"import-{run}.cwb")
            library_runs.append(library_seconds)
            our_runs.append(our_seconds)
        library, ours = min(library_runs), min(our_runs)
    print(f"{'task':<14} {'seconds':>9}")
    print(f"{'python-docx':<14} {library:9.3f}  ({characters:,} characters read)")
    print(f"{'import job':<14} {ours:9.3f}  ({summary})")
    print(f"ratio {ours / library:.2f}")
    if arguments.pdf_pages:
        with tempfile.TemporaryDirectory() as folder:
            pdf_figures(Path(folder), arguments.pdf_pages, arguments.repeat)


if __name__ == "__main__":
    main()
