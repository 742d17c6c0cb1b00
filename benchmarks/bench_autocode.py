"""Autocoding one full-text query at paragraph scope over the large synthetic project, beside the
same full-text query alone (every hit's position, as the search panel lists them) in the same run.

Prints: the preview (finding and widening every hit, joining the paragraphs, a sample); the
action (the same, plus coding every paragraph in one transaction and one undo step); each with
its ratio to the query alone. The action is undone after each timed run (the undo is not timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Size, generate, size_arguments

from workbench.core.autocode import Scope, TextRule, preview_autocode
from workbench.core.queries.resolve import resolve_code
from workbench.core.queries.search_hits import search_hits
from workbench.core.services.autocoding import autocode
from workbench.core.storage import Project

QUERY = "solidariteit"
EVERY_HIT = 10**9


def timed(work: Callable[[], object], repeat: int, after: Callable[[], object] = lambda: None
          ) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
        after()
    return statistics.median(times), result


def run(path: Path, repeat: int, query: str = QUERY) -> list[tuple[str, float, float, str]]:
    rule = TextRule(query=query, scope=Scope.PARAGRAPH)
    with Project.open(path, backups=0) as project:
        with project.reading() as session:
            code = resolve_code(session, "Shared struggle").id

        def alone() -> object:
            with project.reading() as session:
                return search_hits(session, query, max_hits=EVERY_HIT)

        def preview() -> object:
            with project.reading() as session:
                return preview_autocode(session, rule)

        baseline, hits = timed(alone, repeat)
        ours, found = timed(preview, repeat)
        action, changes = timed(lambda: autocode(project, rule, code, coder="Bench"), repeat,
                                after=lambda: project.replay("undo"))
    assert changes.count("coding") == found.passages
    what = (f"{len(hits.hits):,} hits in {hits.documents} documents -> "
            f"{found.passages:,} paragraphs")
    return [
        (f"autocode preview {query} paragraph", ours, baseline, what),
        (f"autocode action {query} paragraph", action, baseline, "one transaction, one undo step"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size_arguments(parser)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--project",
        type=Path,
        help="use this large project (made by generate.py) instead of generating one",
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = arguments.project
        if path is None:
            size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                        arguments.seed)
            print(f"Generating {size.cases} cases, {size.documents} documents, {size.words:,} "
                  f"words, {size.codings:,} codings ...")
            path = Path(folder) / "large.cwb"
            generate(path, size)
        results = run(path, arguments.repeat)
        print(f"\n{'task':<40} {'ours (s)':>10} {'query (s)':>10} {'ratio':>7}  result")
        for task, ours, baseline, note in results:
            print(f"{task:<40} {ours:10.4f} {baseline:10.4f} {ours / baseline:7.2f}  {note}")


if __name__ == "__main__":
    main()
