"""GUI timings, offscreen, each beside a baseline measured in the same run.

* Starting the window on the large project as a whole process, until the first paint with the
  cases tree filled, beside a bare PySide6 process painting a filled tree (target: under 1.5 s),
  with the heavy libraries the process had imported by then (none of pandas, openpyxl, docx).
  Both start from bytecode, as installed (see installed.py).
* Opening a 100,000-word transcript with 1,000 to 20,000 overlapping codings (median, max and
  full garbage collections seen over the repetitions), beside formatting each coding through a
  text cursor (mergeCharFormat) with a pairwise overlap check, as an open-source peer tool does
  (quadratic: run up to 5,000 codings).
* A code action, from the Ctrl+E palette and from the codebook tree, to the repainted highlight,
  stripe and count, with the deferred panel refreshes run (matrix and passages tabs open but
  hidden; then with the passages tab visible), beside the bare core service call.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO = Path(__file__).resolve().parent.parent

from generate import Size, generate, transcript, vocabulary  # noqa: E402
from installed import installed_environment  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402
from sqlalchemy import select  # noqa: E402

from workbench.core.model import Code  # noqa: E402
from workbench.core.queries.document_view import document_codings  # noqa: E402
from workbench.core.services.bulk_coding import CodingSpec, apply_codings  # noqa: E402
from workbench.core.services.cases import create_case  # noqa: E402
from workbench.core.services.codebook import create_project  # noqa: E402
from workbench.core.services.codings import apply_code  # noqa: E402
from workbench.core.services.documents import add_document  # noqa: E402
from workbench.gui.context import AppContext, TextSelection  # noqa: E402

try:
    from workbench.gui.collection import freeze_start_up_objects
except ImportError:  # an older version, measured for comparison: no freeze
    def freeze_start_up_objects() -> None:
        pass
from workbench.gui.dialogs.quick_code import CODE_ID_ROLE, open_quick_code  # noqa: E402
from workbench.gui.main_window import MainWindow  # noqa: E402
from workbench.gui.settings import Settings  # noqa: E402

HEAVY = ("pandas", "numpy", "openpyxl", "docx")
QUADRATIC_BASELINE_UP_TO = 5000
# The window for the transcript's timings: a laptop screen. Left to the offscreen screen (800 px
# wide), the docks squeezed the text to 0 px, so no text was painted (the timings before session 6).
WINDOW = (1366, 768)


class GcWatch:
    """Full (generation 2) collections and their pauses, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append(time.perf_counter() - self._started)


def spread(label: str, times: list[float], watch: GcWatch) -> str:
    median, worst = statistics.median(times), max(times)
    pauses = ", ".join(f"{p * 1000:.0f}" for p in watch.pauses) or "none"
    return (
        f"  {label}: {len(times)} runs, median {median * 1000:.1f} ms, max {worst * 1000:.1f} ms "
        f"({worst / median:.1f}x the median); full GC pauses (ms): {pauses}"
    )


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


def open_window(path: Path, settings_dir: Path, keep_backups: int = 0,
                size: tuple[int, int] | None = None) -> tuple[float, MainWindow, AppContext]:
    settings = Settings(settings_dir / "settings.ini")
    settings.coder_name = "Lotte"
    settings.keep_backups = keep_backups
    started = time.perf_counter()
    context = AppContext(settings)
    window = MainWindow(context)
    context.open_project(path)
    window.show()
    if size is not None:
        window.resize(*size)
    QApplication.processEvents()
    seconds = time.perf_counter() - started
    freeze_start_up_objects()  # as the application does once the window is up
    return seconds, window, context


def window_start(arguments: list[str], bytecode: Path) -> tuple[float, str]:
    """Seconds from starting the process to "ready", and what it printed. The process starts
    from bytecode kept in ``bytecode``, as an installed application does (see installed.py)."""
    env = installed_environment(bytecode)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(REPO / "benchmarks" / "window_start.py"),
                              *arguments], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    seconds = time.perf_counter() - started
    child.wait(timeout=120)
    return seconds, line.strip()


def time_open_document(window: MainWindow, context: AppContext, document_id: int) -> float:
    window.document_view.clear()
    QApplication.processEvents()
    started = time.perf_counter()
    context.open_document(document_id)
    window.document_view.editor.viewport().repaint()
    window.document_view.stripes.repaint()
    return time.perf_counter() - started


def time_code_action(window: MainWindow, context: AppContext, document_id: int, code_id: int,
                     via: str, rng: random.Random, on_screen: bool = False,
                     clock: Callable[[], float] = time.perf_counter) -> float:
    """From the action to the repainted highlight, stripe and codebook count, the panels'
    deferred refreshes included (run as the event loop would, before the next input).

    The passage is anywhere in the first 20,000 characters, mostly off screen (coded from a
    search or the passages list), or ``on_screen``: selected in the view, scrolled to it."""
    start = rng.randrange(0, 20000)
    if on_screen:
        window.document_view.select_range(start, start + 150)
        QApplication.processEvents()
    else:
        context.set_selection(TextSelection(document_id, start, start + 150))
    if via == "tree":
        window.codebook_panel.select_code(code_id)
        started = clock()
        window.codebook_panel.apply_to_selection()
    else:
        palette = open_quick_code(context, window)
        [item] = [palette.list.item(r) for r in range(palette.list.count())
                  if palette.list.item(r).data(CODE_ID_ROLE) == code_id]
        palette.list.setCurrentItem(item)
        started = clock()
        palette.apply_current()
    window.document_view.editor.viewport().repaint()
    window.document_view.stripes.repaint()
    window.codebook_panel.repaint()
    QApplication.processEvents()
    if window.passages_panel.isVisible():
        window.passages_panel.repaint()
    seconds = clock() - started
    context.undo_stack.undo()
    QApplication.processEvents()
    return seconds


def time_service(context: AppContext, document_id: int, code_id: int, rng: random.Random,
                 clock: Callable[[], float] = time.perf_counter) -> float:
    """The baseline: the core's coding service alone (one transaction), and its undo."""
    start = rng.randrange(0, 20000)
    assert context.project is not None
    started = clock()
    changes = apply_code(context.project, document_id, code_id, start, start + 150, coder="Lotte")
    seconds = clock() - started
    context.changed.emit(changes)
    context.undo_stack.undo()
    QApplication.processEvents()
    return seconds


def start_up(base: Path, large: int, project: Path | None = None, warm_up: bool = True) -> None:
    size = Size(documents=large, words=large * 5000, codings=large * 100)
    if project is None:
        project = base / "large.cwb"
        generate(project, size)
    print(f"{'task':<48} {'ours (s)':>9} {'baseline (s)':>13} {'ratio':>7}")
    for _ in range(2 if warm_up else 1):  # the first run writes the bytecode, warms the cache
        ours, said = window_start([str(project), str(base)], base / "bytecode")
        bare, _said = window_start(["--bare"], base / "bytecode")
    assert said.startswith("ready"), said
    print(f"{'window usable from process start (large)':<48} {ours:9.3f} {bare:13.3f} "
          f"{ours / bare:7.2f}   ({size.documents} documents, {size.codings:,} codings; "
          f"heavy libraries loaded by then: {said.split()[2]})")
    print(f"{'  processor seconds until then':<48} {float(said.split()[3]):9.3f} "
          f"{float(_said.split()[3]):13.3f}")
    seconds, window, context = open_window(project, base, keep_backups=0)
    print(f"{'  in process: open large project + show window':<48} {seconds:9.3f}")
    window.close()
    context.close_project()


def long_transcript(base: Path, words: int, count: int, repeat: int,
                    size: tuple[int, int] = WINDOW) -> None:
    path = base / f"long-{count}.cwb"
    document_id = long_transcript_project(path, words, count)
    _seconds, window, context = open_window(path, base, size=size)
    window.search_dock.raise_()  # matrix, passages: open, hidden
    QApplication.processEvents()
    rng = random.Random(count)
    opens: list[float] = []
    with GcWatch() as open_watch:
        for _ in range(repeat):
            opens.append(time_open_document(window, context, document_id))
    with context.reading() as session:
        rows = document_codings(session, document_id)
    code_id = rows[0].code_id
    if count <= QUADRATIC_BASELINE_UP_TO:
        shown_document = window.document_view.document
        assert shown_document is not None
        text, positions = shown_document.text, window.document_view.positions
        baseline = baseline_highlight(text, [(positions.to_qt(r.start), positions.to_qt(r.end),
                                              r.colour) for r in rows])
        shown = f"{baseline:13.3f} {baseline / statistics.median(opens):7.1f}"
    else:
        shown = f"{'-':>13} {'-':>7}"
    print(f"{f'open {words:,}-word transcript, {count:,} codings':<48} "
          f"{statistics.median(opens):9.3f} {shown}")
    print(spread("open", opens, open_watch))
    context.recent_codes = [code_id]
    service = statistics.median(time_service(context, document_id, code_id, rng)
                                for _ in range(repeat))
    for via, label in (("palette", f"code action at {count:,}, Ctrl+E palette"),
                       ("tree", f"code action at {count:,}, codebook tree"),
                       ("palette", f"code action at {count:,}, passage on screen"),
                       ("palette", f"code action at {count:,}, passages tab visible")):
        if label.endswith("visible"):
            window.codebook_panel.select_code(code_id)  # the passages of the code being applied
            window.passages_dock.raise_()
            QApplication.processEvents()
        times: list[float] = []
        with GcWatch() as watch:
            for _ in range(repeat):
                times.append(time_code_action(window, context, document_id, code_id, via, rng,
                                              on_screen=label.endswith("on screen")))
        median = statistics.median(times)
        print(f"{'  ' + label:<48} {median:9.4f} {service:13.4f} {median / service:7.2f}")
        print("  " + spread(label.split(", ", 1)[1], times, watch))
    window.close()
    context.close_project()


def window_size(text: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` from the command line."""
    width, _x, height = text.lower().partition("x")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000, help="words in the long transcript")
    parser.add_argument("--codings", type=int, nargs="+", default=[1000, 2000, 5000, 10000, 20000])
    parser.add_argument("--large", type=int, default=1000, help="documents in the large project")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--project", type=Path,
                        help="start the window on this large project (made by generate.py with "
                             "--large documents) instead of generating one")
    parser.add_argument("--window", type=window_size, default=WINDOW,
                        help="window size for the transcript's timings, WIDTHxHEIGHT (1366x768)")
    parser.add_argument("--start-only", action="store_true",
                        help="only the window's start, not the transcript's opening and coding")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="start each process once, not twice (a tiny run for the tests)")
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        start_up(base, arguments.large, arguments.project, not arguments.no_warm_up)
        if arguments.start_only:
            return
        print("(code actions: ours from the action to the repaint, panels included; baseline: "
              "the core service alone)")
        for count in arguments.codings:
            long_transcript(base, arguments.words, count, arguments.repeat, arguments.window)
    app.quit()


if __name__ == "__main__":
    main()
