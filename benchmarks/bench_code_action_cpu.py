"""The code action of bench_gui.py alone, in processor time: robust on a machine shared with
other jobs, where wall-clock figures are inflated 2-4x. Each line: the median CPU milliseconds
from the action to the repaint (palette, tree, a passage selected on screen, the passages tab
visible) beside the core service alone, and their ratio.

Compare two versions by running this script from each checkout in turn (interleaved), e.g.
``for i in 1 2; do (cd OLD && python benchmarks/bench_code_action_cpu.py); (cd NEW && ...); done``.
``--profile`` prints where the palette action spends its time (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import (
    WINDOW,
    long_transcript_project,
    open_window,
    time_code_action,
    time_service,
    window_size,
)
from PySide6.QtWidgets import QApplication

from workbench.core.queries.document_view import document_codings

VARIANTS = (("palette", False, "Ctrl+E palette"), ("tree", False, "codebook tree"),
            ("palette", True, "passage on screen"), ("palette", False, "passages tab visible"))


def measure(base: Path, words: int, count: int, repeat: int, profile: bool,
            size: tuple[int, int] = WINDOW) -> None:
    path = base / f"long-{count}.cwb"
    document_id = long_transcript_project(path, words, count)
    _seconds, window, context = open_window(path, base, size=size)
    window.search_dock.raise_()  # matrix, passages: open, hidden
    context.open_document(document_id)
    QApplication.processEvents()
    with context.reading() as session:
        code_id = document_codings(session, document_id)[0].code_id
    context.recent_codes = [code_id]
    rng = random.Random(count)
    service = statistics.median(time_service(context, document_id, code_id, rng,
                                             clock=time.process_time) for _ in range(repeat))
    for via, on_screen, label in VARIANTS:
        if label.endswith("visible"):
            window.codebook_panel.select_code(code_id)
            window.passages_dock.raise_()
            QApplication.processEvents()
        profiler = cProfile.Profile() if profile and label == "Ctrl+E palette" else None
        times = []
        for _ in range(repeat):
            if profiler is not None:
                profiler.enable()
            times.append(time_code_action(window, context, document_id, code_id, via, rng,
                                          on_screen=on_screen, clock=time.process_time))
            if profiler is not None:
                profiler.disable()
        median = statistics.median(times)
        print(f"{f'  CPU code action at {count:,}, {label}':<52} {median * 1000:8.1f} "
              f"{service * 1000:8.1f} {median / service:6.2f}")
        if profiler is not None:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    window.close()
    context.close_project()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--codings", type=int, nargs="+", default=[1000, 2000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--window", type=window_size, default=WINDOW,
                        help="window size, WIDTHxHEIGHT (1366x768)")
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print(f"{'task (processor ms, median)':<52} {'ours':>8} {'service':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for count in arguments.codings:
            measure(Path(folder), arguments.words, count, arguments.repeat, arguments.profile,
                    arguments.window)
    app.quit()


if __name__ == "__main__":
    main()
