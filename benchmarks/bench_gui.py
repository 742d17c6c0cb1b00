"""GUI timings, offscreen: opening the window on the large project, opening a long transcript
with all its highlights, and the delay from a code action to the updated highlight, stripe and
count. The transcript timing runs beside a baseline measured in the same run on the same data:
formatting each coding through a text cursor (mergeCharFormat) with a pairwise overlap check,
as an open-source peer tool does.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Size, generate, transcript, vocabulary  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402
from sqlalchemy import select  # noqa: E402

from workbench.core.model import Code  # noqa: E402
from workbench.core.queries.document_view import document_codings  # noqa: E402
from workbench.core.services.bulk_coding import CodingSpec, apply_codings  # noqa: E402
from workbench.core.services.cases import create_case  # noqa: E402
from workbench.core.services.codebook import create_project  # noqa: E402
from workbench.core.services.documents import add_document  # noqa: E402
from workbench.gui.context import AppContext, TextSelection  # noqa: E402
from workbench.gui.main_window import MainWindow  # noqa: E402
from workbench.gui.settings import Settings  # noqa: E402


def long_transcript_project(path: Path, words: int, codings: int, seed: int = 3) -> int:
    """A project with one transcript of ``words`` words and ``codings`` overlapping codings."""
    rng = random.Random(seed)
    text = transcript(rng, vocabulary(rng), words)
    with create_project(path, codebook="solidarity") as project:
        case = create_case(project, "Long case").subject.id
        document = add_document(project, case, "Long transcript", text).subject.id
        with project.reading() as session:
            codes = list(session.scalars(select(Code.id)))
        specs = []
        for _ in range(codings):
            span = rng.randint(30, 1500)
            start = rng.randrange(0, len(text) - span)
            specs.append(CodingSpec(document, rng.choice(codes), start, start + span,
                                    rng.choice(("Lotte", "Youssef", "Amal"))))
        apply_codings(project, specs)
    return document


def baseline_highlight(text: str, codings: list[tuple[int, int, str]]) -> float:
    """Peer-tool approach: a cursor format merge per coding plus pairwise overlap marking."""
    editor = QPlainTextEdit()
    editor.resize(1000, 800)
    editor.show()
    started = time.perf_counter()
    editor.setPlainText(text)
    cursor = QTextCursor(editor.document())
    for start, end, colour in codings:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    overlap = QTextCharFormat()
    overlap.setFontUnderline(True)
    for i, (start, end, _c) in enumerate(codings):
        for other_start, other_end, _o in codings[i + 1:]:
            if start < other_end and other_start < end:
                cursor.setPosition(max(start, other_start))
                cursor.setPosition(min(end, other_end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(overlap)
    editor.viewport().repaint()
    seconds = time.perf_counter() - started
    editor.close()
    return seconds


def open_window(path: Path, settings_dir: Path,
                keep_backups: int = 0) -> tuple[float, MainWindow, AppContext]:
    settings = Settings(settings_dir / "settings.ini")
    settings.coder_name = "Lotte"
    settings.keep_backups = keep_backups
    started = time.perf_counter()
    context = AppContext(settings)
    window = MainWindow(context)
    context.open_project(path)
    window.show()
    QApplication.processEvents()
    return time.perf_counter() - started, window, context


def time_open_document(window: MainWindow, context: AppContext, document_id: int) -> float:
    window.document_view.clear()
    QApplication.processEvents()
    started = time.perf_counter()
    context.open_document(document_id)
    window.document_view.editor.viewport().repaint()
    window.document_view.stripes.repaint()
    return time.perf_counter() - started


def time_code_action(window: MainWindow, context: AppContext, document_id: int, code_id: int,
                     via_tree: bool) -> float:
    """From the action to the repainted highlight, stripe and codebook count."""
    start = random.randrange(0, 20000)
    context.set_selection(TextSelection(document_id, start, start + 80))
    started = time.perf_counter()
    if via_tree:
        window.codebook_panel.select_code(code_id)
        started = time.perf_counter()
        window.codebook_panel.apply_to_selection()
    else:
        context.code_selection(code_id)
    window.document_view.editor.viewport().repaint()
    window.document_view.stripes.repaint()
    window.codebook_panel.repaint()
    seconds = time.perf_counter() - started
    context.undo_stack.undo()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000, help="words in the long transcript")
    parser.add_argument("--codings", type=int, nargs="+", default=[2000, 5000])
    parser.add_argument("--large", type=int, default=1000, help="documents in the large project")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        size = Size(documents=arguments.large, words=arguments.large * 5000,
                    codings=arguments.large * 100)
        generate(base / "large.cwb", size)
        seconds, window, context = open_window(base / "large.cwb", base, keep_backups=0)
        print(f"{'open large project + show window':<44} {seconds:8.3f} s   "
              f"({size.documents} documents, {size.codings:,} codings)")
        window.close()
        context.close_project()
        seconds, window, context = open_window(base / "large.cwb", base, keep_backups=5)
        megabytes = (base / "large.cwb").stat().st_size / 1048576
        print(f"{'  the same, taking its backup on open':<44} {seconds:8.3f} s   "
              f"({megabytes:.0f} MB copied with SQLite's online backup)")
        window.close()
        print(f"\n{'task':<44} {'ours (s)':>9} {'baseline (s)':>13} {'ratio':>7}")
        for count in arguments.codings:
            path = base / f"long-{count}.cwb"
            document_id = long_transcript_project(path, arguments.words, count)
            seconds, window, context = open_window(path, base)
            ours = statistics.median(time_open_document(window, context, document_id)
                                     for _ in range(arguments.repeat))
            with context.reading() as session:
                rows = document_codings(session, document_id)
                code_id = rows[0].code_id
            text = window.document_view.document.text
            positions = window.document_view.positions
            baseline = baseline_highlight(text, [(positions.to_qt(r.start), positions.to_qt(r.end),
                                                  r.colour) for r in rows])
            print(f"{f'open {arguments.words:,}-word transcript, {count:,} codings':<44} "
                  f"{ours:9.3f} {baseline:13.3f} {baseline / ours:6.1f}x")
            for via_tree in (False, True):
                action = statistics.median(
                    time_code_action(window, context, document_id, code_id, via_tree)
                    for _ in range(arguments.repeat))
                label = "code action -> highlight, stripe, count" + (" (tree)" if via_tree else "")
                print(f"{label:<44} {action * 1000:8.1f} ms  ({count:,} codings in the document)")
            window.close()
            context.close_project()
    app.quit()


if __name__ == "__main__":
    main()
