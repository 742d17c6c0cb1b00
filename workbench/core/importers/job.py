"""Importing many files into a case: each file its own transaction, failures reported,
cancellable."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from workbench.core.errors import DomainError, WorkbenchError
from workbench.core.importers.registry import DEFAULT_SIZE_LIMIT, read_source, supported_suffixes
from workbench.core.importers.text_limit import DEFAULT_MAX_CHARACTERS
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.model import DocumentKind
from workbench.core.services.documents import DuplicateDocumentError, add_document
from workbench.core.storage import Project
from workbench.core.text import without_control

Status = Literal["imported", "skipped", "failed"]


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    status: Status
    message: str
    document_id: int | None = None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def with_status(self, status: Status) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def summary(self) -> str:
        parts = [f"{len(self.with_status(s))} {s}" for s in ("imported", "skipped", "failed")]
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")


def expand_sources(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the importable files inside folders (recursively, in name order)."""
    suffixes = set(supported_suffixes())
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in suffixes
                                and not p.name.startswith(".")))
        else:
            files.append(path)
    return files


@dataclass(frozen=True)
class DocumentDetails:
    """What the researcher says about the files of one import; empty fields are taken from each
    file's own properties (title, author, creation date) where it has them."""

    kind: DocumentKind | str = DocumentKind.INTERVIEW
    recorded_on: date | None = None
    interviewer: str = ""
    participants: tuple[str, ...] = ()


def import_files(project: Project, case_id: int, paths: Iterable[Path], *,
                 kind: DocumentKind | str = DocumentKind.INTERVIEW,
                 details: DocumentDetails | None = None,
                 per_file: Mapping[Path, DocumentDetails] | None = None,
                 control: JobControl | None = None,
                 size_limit: int = DEFAULT_SIZE_LIMIT,
                 max_characters: int = DEFAULT_MAX_CHARACTERS) -> ImportReport:
    """Import files into one case. A failing file is reported and the others still go in.

    ``per_file`` gives some files their own details (kind, date, interviewer) instead of
    ``details``. Each file is read and stored in its own transaction, so cancelling (checked
    between files) leaves only whole documents behind.
    """
    per_file = per_file or {}
    details = details or DocumentDetails(kind=kind)
    control = control or JobControl()
    files = expand_sources(paths)
    report = ImportReport()
    with project.batch():  # the log is folded into the file once, at the end
        for number, path in enumerate(files):
            try:
                control.check()
            except JobCancelled:
                report.cancelled = True
                break
            control.report(number, len(files), path.name)
            report.outcomes.append(_import_one(project, case_id, path, per_file.get(path, details),
                                               (size_limit, max_characters)))
    control.report(len(report.outcomes), len(files), report.summary)
    return report


def _import_one(project: Project, case_id: int, path: Path, details: DocumentDetails,
                limits: tuple[int, int]) -> FileOutcome:
    try:
        extracted = read_source(path, size_limit=limits[0], max_characters=limits[1])
        title = without_control(extracted.title or path.stem)  # e.g. ESC from a file name
        changes = add_document(
            project, case_id, title or "Untitled", extracted.text, kind=details.kind,
            source_name=path.name, encoding=extracted.encoding,
            recorded_on=details.recorded_on or extracted.recorded_on,
            interviewer=details.interviewer or extracted.interviewer,
            participants=details.participants or extracted.participants,
            turns=extracted.turns,
            headings=extracted.headings,
            import_note=extracted.record,
        )
    except DuplicateDocumentError as error:
        return FileOutcome(path, "skipped", str(error))
    except WorkbenchError as error:
        message = str(error)
        if isinstance(error, DomainError) and not message.startswith(f"{path.name}:"):
            message = f"{path.name}: {message}"  # a rule of the project, said of this file
        return FileOutcome(path, "failed", message)
    message = changes.message
    notes = list(extracted.notes)
    if title != (extracted.title or path.stem):
        notes.append("control characters were removed from its title")
    if notes:
        message = f"{message.removesuffix('.')}; {'; '.join(notes)}."
    return FileOutcome(path, "imported", message, changes.subject.id)
