"""Time the core on the large synthetic project, each figure beside plain sqlite3 on the same file.

Prints: generating the project; opening it (and reading its summary); listing all codings of one
code across cases (with the coded text); two full-text queries. The ratio is ours / sqlite3.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Size, generate, size_arguments

from workbench.core.queries.codings import list_codings
from workbench.core.queries.search import search_documents
from workbench.core.queries.summary import project_summary
from workbench.core.storage import Project

RAW_SUMMARY = [f"SELECT count(*) FROM {table}" for table in
               ("case_", "document", "code", "coding", "coder", "attribute", "memo")]
RAW_CODINGS = """
    SELECT coding.id, coding.uuid, case_.name, document.id, document.title, coding.code_id,
           coder.name, coding.start, coding."end",
           substr(document.text, coding.start + 1, coding."end" - coding.start), coding.memo
    FROM coding JOIN document ON coding.document_id = document.id
    JOIN case_ ON document.case_id = case_.id JOIN coder ON coding.coder_id = coder.id
    WHERE coding.code_id = ?
    ORDER BY case_.position, document.position, coding.start, coding."end", coding.id"""
RAW_SEARCH = """
    SELECT document.id, document.title, case_.name,
           snippet(document_fts, 1, '[', ']', '…', 16)
    FROM document_fts JOIN document ON document.id = document_fts.rowid
    JOIN case_ ON case_.id = document.case_id
    WHERE document_fts MATCH ? ORDER BY bm25(document_fts), document.id LIMIT 100"""


def median_seconds(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def ours_open(path: Path) -> dict:
    with Project.open(path) as project, project.reading() as session:
        return project_summary(session)


def raw_open(path: Path) -> list:
    connection = sqlite3.connect(path)
    try:
        return [connection.execute(sql).fetchone()[0] for sql in RAW_SUMMARY]
    finally:
        connection.close()


def busiest_code(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT code_id FROM coding GROUP BY code_id "
                                  "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def raw_generate(source: Path, target: Path) -> float:
    """Insert the generated project's rows into an empty project with plain sqlite3 (timed)."""
    Project.create(target).close()
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("ATTACH DATABASE ? AS source", (str(source),))
    tables = ("coder", "attribute", "case_", "case_attribute_value", "code", "document", "coding")
    rows = {
        table: connection.execute(f"SELECT * FROM source.{table}").fetchall() for table in tables
    }
    connection.commit()
    connection.execute("DETACH DATABASE source")
    started = time.perf_counter()
    with connection:
        for table in tables:
            if rows[table]:
                marks = ", ".join("?" * len(rows[table][0]))
                connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def run(path: Path, repeat: int) -> list[tuple[str, float, float | None, str]]:
    rows: list[tuple[str, float, float | None, str]] = []
    ours, summary = median_seconds(lambda: ours_open(path), repeat)
    raw, _ = median_seconds(lambda: raw_open(path), repeat)
    rows.append(("open project + summary", ours, raw, f"{summary['codings']} codings"))

    code_id = busiest_code(path)
    project = Project.open(path)
    raw_connection = sqlite3.connect(path)
    try:
        def ours_codings() -> list:
            with project.reading() as session:
                return list_codings(session, code_ids=[code_id])

        ours, found = median_seconds(ours_codings, repeat)
        raw, raw_found = median_seconds(
            lambda: raw_connection.execute(RAW_CODINGS, (code_id,)).fetchall(), repeat)
        assert len(found) == len(raw_found)  # type: ignore[arg-type]
        rows.append(("codings of one code", ours, raw, f"{len(found)} passages"))  # type: ignore[arg-type]

        for query in ("solidariteit", '"samen keuken"'):
            def ours_search(q: str = query) -> list:
                with project.reading() as session:
                    return search_documents(session, q, limit=100)

            ours, hits = median_seconds(ours_search, repeat)
            raw, _ = median_seconds(
                lambda q=query: raw_connection.execute(RAW_SEARCH, (q,)).fetchall(), repeat)
            rows.append((f"full-text {query}", ours, raw, f"{len(hits)} hits"))  # type: ignore[arg-type]
    finally:
        raw_connection.close()
        project.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size_arguments(parser)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the generated project at this path")
    arguments = parser.parse_args()
    size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                arguments.seed)
    with tempfile.TemporaryDirectory() as folder:
        path = arguments.keep or Path(folder) / "large.cwb"
        print(f"Generating {size.cases} cases, {size.documents} documents, {size.words:,} words, "
              f"{size.codings:,} codings ...")
        timings = generate(path, size)
        for phase, seconds in timings.items():
            print(f"  generate {phase:<10} {seconds:8.2f} s")
        print(f"  file size {path.stat().st_size / 1048576:.1f} MB")
        raw = raw_generate(path, Path(folder) / "baseline.cwb")
        results = [("generate (same rows)", timings["total"], raw,
                    "ours: one action per case/document + one for all codings; "
                    "sqlite3: one executemany transaction")]
        results += run(path, arguments.repeat)
        print(f"\n{'task':<28} {'ours (s)':>10} {'sqlite3 (s)':>12} {'ratio':>7}  result")
        for task, ours, raw, note in results:
            ratio = f"{ours / raw:7.2f}" if raw else "      -"
            print(f"{task:<28} {ours:10.4f} {raw:12.4f} {ratio}  {note}")


if __name__ == "__main__":
    main()
