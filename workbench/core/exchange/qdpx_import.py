"""A REFI-QDA ``.qdpx`` (or bare ``.qde``) as a NEW project, in one transaction.

Tolerant as real exports from other programs need: any ``urn:QDA-XML`` namespace,
``project.qde`` or any single ``.qde``, ``sources/`` in any case, text inline or in a file, BOMs,
NVivo's UTF-16 offsets and CRLF counting (decided by origin, checked against selection names).
Whatever cannot be carried over is reported as a warning; if anything fails, no file is left.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import DomainError
from workbench.core.exchange.qde_model import QdeProject
from workbench.core.exchange.qde_reader import read_project
from workbench.core.exchange.qdpx_store import Importer
from workbench.core.exchange.safety import open_package
from workbench.core.jobs import JobControl
from workbench.core.storage import Project
from workbench.core.storage.new_project import build_project


@dataclass
class ImportReport:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_qdpx(path: str | os.PathLike[str]) -> QdeProject:
    """Read and check a package without touching any project (all refusals happen here)."""
    return read_project(open_package(Path(path)))


def import_qdpx(source: str | os.PathLike[str], target: str | os.PathLike[str],
                control: JobControl | None = None) -> ImportReport:
    """Create the project ``target`` from the package ``source``; return counts and warnings."""
    parsed = read_qdpx(source)
    reports: list[ImportReport] = []
    try:
        # Built under a hidden name and renamed at the end: a killed import leaves no project.
        target = build_project(
            target, parsed.name,
            lambda project: reports.append(import_into(project, parsed, control)))
    except DomainError as error:
        name = Path(source).name
        if not str(error).startswith(name):
            # A project rule refused something in the package: say which package.
            raise DomainError(f"{name}: {error}") from error
        raise
    report = reports[0]
    report.path = target
    return report


def import_into(project: Project, parsed: QdeProject,
                control: JobControl | None = None) -> ImportReport:
    """Fill an empty project from a parsed package, as one undoable action."""
    importer = Importer(parsed, control or JobControl())
    with project.transaction("Import REFI-QDA project") as session:
        importer.run(session)
    return ImportReport(project.path, importer.counts, [*parsed.warnings, *importer.warnings])
