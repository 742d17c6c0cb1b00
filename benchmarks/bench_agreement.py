"""Inter-coder agreement for 3 coders over the large synthetic project, all codes, beside
scikit-learn's ``cohen_kappa_score`` on the same character vectors in the same run.

Prints, each with its time: our whole report (kappa and alpha for every code, theme, case and
overall, segment agreement, bootstrap intervals; disagreements listed separately), our kappa on
the character vectors handed to scikit-learn, and scikit-learn's kappa for every code and pair
of coders on those vectors. The ratio is ours / scikit-learn; the largest difference between our
kappas and scikit-learn's is printed too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import CODERS, Size, generate, size_arguments

from workbench.core.analysis.agreement import AgreementSettings, agreement_report
from workbench.core.analysis.agreement.measures import cohen_kappa
from workbench.core.analysis.agreement.stats import pairs
from workbench.core.analysis.agreement.units import coverage, load_units
from workbench.core.storage import Project


def timed(work):
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def character_vectors(project: Project) -> tuple[list[str], np.ndarray]:
    """``codes x coders x characters``: every code row's vectors over the documents all coded."""
    with project.reading() as session:
        units = load_units(session, CODERS)
    documents = [d for d in units.documents if d.all_coded]
    rows = units.code_rows
    vectors = np.zeros((len(rows), len(CODERS), sum(d.length for d in documents)), dtype=bool)
    offset = 0
    for document in documents:
        flags = coverage(units, document).characters()
        vectors[:, :, offset:offset + document.length] = flags[rows]
        offset += document.length
    return [units.rows[r].label for r in rows], vectors


def kappas(vectors: np.ndarray, kappa) -> list[float | None]:
    return [kappa(code[a], code[b]) for code in vectors for a, b in pairs(vectors.shape[1])]


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size_arguments(parser)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--project", type=Path, help="use this generated project (else generate)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = arguments.project
        if path is None:
            size = Size(arguments.cases, arguments.documents, arguments.words, arguments.codings,
                        arguments.seed)
            path = Path(folder) / "large.cwb"
            print(f"Generating {size.documents} documents, {size.words:,} words, "
                  f"{size.codings:,} codings by {', '.join(CODERS)} ...")
            generate(path, size)
        with Project.open(path) as project:
            run(project, arguments.resamples)


def run(project: Project, resamples: int) -> None:
    settings = AgreementSettings(CODERS, seed=1, resamples=resamples, disagreements=False)
    with project.reading() as session:
        report_time, report = timed(lambda: agreement_report(session, settings))
    kappa, alpha = report.overall.kappa, report.overall.alpha
    print(f"overall: kappa {_number(kappa.value)} [{_number(kappa.low)}, {_number(kappa.high)}], "
          f"alpha {_number(alpha.value)} [{_number(alpha.low)}, {_number(alpha.high)}]",
          flush=True)
    with project.reading() as session:
        listing_time, listed = timed(lambda: agreement_report(
            session, AgreementSettings(CODERS, resamples=0)))
    print(f"{len(listed.disagreements):,} passages disagreed on", flush=True)
    vector_time, (labels, vectors) = timed(lambda: character_vectors(project))
    ours_time, ours = timed(lambda: kappas(vectors, cohen_kappa))
    sklearn_time, theirs = timed(lambda: kappas(vectors, cohen_kappa_score))
    differences = [abs(a - b) for a, b in zip(ours, theirs, strict=True) if a is not None]
    print(f"{vectors.shape[2]:,} characters in {report.all_coders_documents} documents all "
          f"three coded; {len(labels)} codes x {len(pairs(len(CODERS)))} pairs = {len(ours)} "
          f"kappas; largest |ours - scikit-learn| = {max(differences, default=0):.2e}")
    print(f"\n{'task':<44} {'ours (s)':>10} {'sklearn (s)':>12} {'ratio':>9}")
    lines = [
        (f"full report, {resamples} bootstrap resamples", report_time),
        ("report without intervals, with disagreements", listing_time),
        ("kappa on the same character vectors", ours_time),
    ]
    for task, seconds in lines:
        print(f"{task:<44} {seconds:10.4f} {sklearn_time:12.4f} {seconds / sklearn_time:9.3g}")
    print(f"{'(building the vectors for scikit-learn)':<44} {vector_time:10.4f}")


if __name__ == "__main__":
    main()
