"""Time REFI-QDA exchange and project merge on the large synthetic project, each figure beside a
baseline measured in the same run. The ratio is ours / baseline.

* export as .qdpx  vs  zipping the same texts and serialising the same XML tree (lxml + zipfile)
* import a .qdpx   vs  parsing its project.qde and reading every source (lxml + zipfile),
                   and vs  inserting the imported rows with plain sqlite3 (one executemany each)
* merge two projects of N codings each (same documents, different codings)
                   vs  inserting the other project's coding rows with plain sqlite3
* undo that merge  vs  deleting the inserted coding rows with plain sqlite3 (one statement)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_project import raw_generate
from generate import Size, coding_specs, generate, size_arguments
from lxml import etree
from sqlalchemy import delete, select

from workbench.core.exchange.qdpx_export import export_project
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.merge.project_merge import merge_project
from workbench.core.model import Coding, Document
from workbench.core.services.bulk_coding import apply_codings
from workbench.core.services.history import undo
from workbench.core.storage import Project


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def baseline_export(package: Path, target: Path) -> None:
    """The parsing libraries' own cost: the same XML serialised, the same texts zipped."""
    with zipfile.ZipFile(package) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                 if name.startswith("sources/")}
    started = time.perf_counter()
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", data)
        for name, text in texts.items():
            archive.writestr(name, text.encode("utf-8"))
    return time.perf_counter() - started  # type: ignore[return-value]


def baseline_import(package: Path) -> int:
    with zipfile.ZipFile(package) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        total = sum(len(archive.read(name).decode("utf-8")) for name in archive.namelist()
                    if name.startswith("sources/"))
    return len(root) + total


def second_coder_copy(source: Path, target: Path, codings: int, seed: int) -> None:
    """The same project as another coder left it: same documents, different codings."""
    shutil.copy(source, target)
    with Project.open(target) as project:
        with project.transaction("Start over") as session:
            session.execute(delete(Coding))
        with project.reading() as session:
            documents = [(row[0], len(row[1])) for row in session.execute(
                select(Document.id, Document.text))]
        apply_codings(project, coding_specs(project, random.Random(seed), documents, codings))


def baseline_merge(ours: Path, theirs: Path) -> float:
    connection = sqlite3.connect(ours)
    rows = sqlite3.connect(theirs).execute(
        'SELECT uuid || \'-b\', document_id, code_id, coder_id, start, "end", memo, created_at '
        "FROM coding").fetchall()
    started = time.perf_counter()
    with connection:
        connection.executemany('INSERT INTO coding (uuid, document_id, code_id, coder_id, start, '
                               '"end", memo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', rows)
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def baseline_undo_merge(merged: Path, before: int) -> float:
    """Deleting the rows the baseline merge inserted (its triggers journal each, as ours do)."""
    connection = sqlite3.connect(merged)
    started = time.perf_counter()
    with connection:
        connection.execute("DELETE FROM coding WHERE id > ?", (before,))
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def run(folder: Path, size: Size, merge_codings: int) -> list[tuple[str, float, float, str]]:
    large = folder / "large.cwb"
    generate(large, size)
    package = folder / "large.qdpx"
    with Project.open(large) as project:
        ours, report = timed(lambda: export_project(project, package))
    raw = baseline_export(package, folder / "baseline.qdpx")
    size_mb = package.stat().st_size / 1048576
    rows = [("export .qdpx", ours, raw,
             f"{report.counts['codings']:,} codings, {size_mb:.1f} MB")]  # type: ignore[attr-defined]
    ours, report = timed(lambda: import_qdpx(package, folder / "imported.cwb"))
    raw, _ = timed(lambda: baseline_import(package))
    codings = report.counts["codings"]  # type: ignore[attr-defined]
    rows.append(("import .qdpx (vs parsing)", ours, raw, f"{codings:,} codings"))
    rows_only = raw_generate(folder / "imported.cwb", folder / "rows-baseline.cwb")
    rows.append(("import .qdpx (vs sqlite3)", ours, rows_only, "same rows, one executemany each"))

    merge_size = Size(size.cases, size.documents, size.words, merge_codings, size.seed)
    first, second = folder / "coder-a.cwb", folder / "coder-b.cwb"
    generate(first, merge_size)
    second_coder_copy(first, second, merge_codings, size.seed + 1)
    shutil.copy(first, folder / "coder-a-baseline.cwb")
    with sqlite3.connect(first) as connection:
        before = connection.execute("SELECT max(id) FROM coding").fetchone()[0]
    connection.close()
    with Project.open(first) as project:
        ours, changes = timed(lambda: merge_project(project, second, author="bench"))
        undone, reverted = timed(lambda: undo(project))
    raw = baseline_merge(folder / "coder-a-baseline.cwb", second)
    message = changes.message  # type: ignore[attr-defined]
    rows.append((f"merge 2 x {merge_codings:,} codings", ours, raw, message))
    raw = baseline_undo_merge(folder / "coder-a-baseline.cwb", before)
    rows.append(("undo the merge", undone, raw,
                 f"{len(reverted.deleted):,} rows gone"))  # type: ignore[attr-defined]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size_arguments(parser)
    parser.add_argument("--merge-codings", type=int, default=50_000)
    arguments = parser.parse_args()
    size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                arguments.seed)
    print(f"Large synthetic project: {size.cases} cases, {size.documents} documents, "
          f"{size.words:,} words, {size.codings:,} codings")
    with tempfile.TemporaryDirectory() as folder:
        results = run(Path(folder), size, arguments.merge_codings)
    print(f"\n{'task':<30} {'ours (s)':>10} {'baseline (s)':>13} {'ratio':>7}  result")
    for task, ours, raw, note in results:
        print(f"{task:<30} {ours:10.4f} {raw:13.4f} {ours / raw:7.2f}  {note}")


if __name__ == "__main__":
    main()
