"""Every export of a project, and a child process that runs them with a cap on file sizes.

    python -m tests.safety.export_child PROJECT FOLDER MAX_BYTES

Each export is written to FOLDER/<name> under RLIMIT_FSIZE (writes past MAX_BYTES fail with
EFBIG, as a write to a full disk fails with ENOSPC); prints {name: error message or null}.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from workbench.core.analysis.agreement.report import AgreementSettings, agreement_report
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.errors import WorkbenchError
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.exporters.agreement_docx import write_agreement_docx
from workbench.core.exporters.agreement_xlsx import write_agreement_xlsx
from workbench.core.exporters.codebook_docx import write_codebook_docx
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.storage import Project

Export = Callable[[Project, Path], object]


def _agreement(project: Project):
    with project.reading() as session:
        return agreement_report(session, AgreementSettings(("Lotte", "Youssef", "Amal"),
                                                           resamples=20, seed=1))


EXPORTS: dict[str, Export] = {
    "matrix.xlsx": lambda p, path: export_matrix(p, MatrixSpec(), ["count", "passages"], "xlsx",
                                                 path),
    "matrix.docx": lambda p, path: export_matrix(p, MatrixSpec(), ["count", "passages"], "docx",
                                                 path),
    "matrix.csv": lambda p, path: export_matrix(p, MatrixSpec(), ["passages"], "csv", path),
    "codebook.docx": write_codebook_docx,
    "agreement.xlsx": lambda p, path: write_agreement_xlsx(_agreement(p), path),
    "agreement.docx": lambda p, path: write_agreement_docx(_agreement(p), path),
    "project.qdpx": export_project,
}


def main() -> None:
    project_path, folder, most = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    results: dict[str, str | None] = {}
    with Project.open(project_path) as project:
        with project.reading() as session:  # the log and its index exist before the cap
            session.connection().exec_driver_sql("SELECT count(*) FROM document").scalar()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (most, resource.RLIM_INFINITY))
        for name, export in EXPORTS.items():
            try:
                export(project, folder / name)
                results[name] = None
            except WorkbenchError as error:
                results[name] = str(error)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
