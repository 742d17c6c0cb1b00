"""Autocoding one full-text query at paragraph scope over the large synthetic project, beside the
same full-text query alone (every hit's position, as the search panel lists them) in the same run.

Prints: the preview (finding and widening every hit, joining the paragraphs, a sample); the
action (the same, plus coding every paragraph in one transaction and one undo step); each with
its ratio to the query alone. The action is undone after each timed run (the undo is not timed).

The action is also timed without the append-only action log (format 6), interleaved with the
timed runs that keep it, and the log's growth is measured (SQLite's dbstat: bytes of its pages)
per 1,000 codings, beside the growth of the coding table itself.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Size, generate, size_arguments

from workbench.core.autocode import Scope, TextRule, preview_autocode
from workbench.core.queries.resolve import resolve_code
from workbench.core.queries.search_hits import search_hits
from workbench.core.services.autocoding import autocode
from workbench.core.services.changes import Changes
from workbench.core.storage import Project, undo_log

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


@contextlib.contextmanager
def without_action_log() -> Iterator[None]:
    """Steps recorded meanwhile go to the undo log only (as before format 6)."""
    kept = undo_log.log_action
    undo_log.log_action = lambda *_arguments: 0
    try:
        yield
    finally:
        undo_log.log_action = kept


# The action log's tables, and for comparison the codings' own table (its indexes included).
TABLES = {"action log": ("action_log", "action_entity"), "codings": ("coding",)}


def table_bytes(project: Project) -> dict[str, int]:
    """The bytes of the pages these tables (and their indexes) hold."""
    with project.reading() as session:
        sizes: dict[str, int] = dict(session.connection().exec_driver_sql(
            "SELECT tbl_name, sum(pgsize) FROM dbstat JOIN sqlite_master USING (name) "
            "GROUP BY tbl_name").all())
    return {name: sum(sizes.get(table, 0) for table in tables) for name, tables in TABLES.items()}


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

        def act() -> Changes:
            return autocode(project, rule, code, coder="Bench")

        def unlogged() -> Changes:
            with without_action_log():
                return act()

        baseline, hits = timed(alone, repeat)
        ours, found = timed(preview, repeat)
        runs: dict[str, list[float]] = {"with": [], "without": []}
        cpu = {"with": 0.0, "without": 0.0}
        for _ in range(repeat):  # interleaved, so that the machine's load falls on both alike
            for name, work in (("with", act), ("without", unlogged)):
                cpu_before = time.process_time()
                runs[name].append(timed(work, 1)[0])
                cpu[name] += time.process_time() - cpu_before
                project.replay("undo")
        action, unlogged_action = (statistics.median(runs[name]) for name in ("with", "without"))
        before = table_bytes(project)
        changes = act()
        grown = {name: size - before[name] for name, size in table_bytes(project).items()}
    codings = changes.count("coding", "created")
    assert codings == found.passages
    what = (f"{len(hits.hits):,} hits in {hits.documents} documents -> "
            f"{found.passages:,} paragraphs")
    per_thousand = {log: size * 1000 / max(codings, 1) for log, size in grown.items()}
    growth = (f"per 1,000 codings: action log {per_thousand['action log'] / 1024:,.1f} KiB, "
              f"the codings {per_thousand['codings'] / 1024:,.1f} KiB; processor "
              f"{cpu['with'] / max(cpu['without'], 1e-9):.2f}x without the log")
    return [
        (f"autocode preview {query} paragraph", ours, baseline, what),
        (f"autocode action {query} paragraph", action, baseline, "one transaction, one undo step"),
        (f"autocode action {query} no action log", unlogged_action, baseline, growth),
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
        print(f"\n{'task':<44} {'ours (s)':>10} {'query (s)':>10} {'ratio':>7}  result")
        for task, ours, baseline, note in results:
            print(f"{task:<44} {ours:10.4f} {baseline:10.4f} {ours / baseline:7.2f}  {note}")


if __name__ == "__main__":
    main()
