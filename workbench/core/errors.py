"""Errors a researcher may see. Every message is meant to be shown as it is, in one line."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error the application reports to the user instead of crashing."""


class DomainError(WorkbenchError):
    """An action the project's rules do not allow; the project is left unchanged."""


class NotFoundError(DomainError):
    """A case, document, code, coding, ... that the action names does not exist."""


class ProjectFileError(WorkbenchError):
    """The project file cannot be created, opened or used."""


class NotAProjectError(ProjectFileError):
    """The file exists but is not a Coding Workbench project."""


class NewerSchemaError(ProjectFileError):
    """The project was written by a newer version of Coding Workbench."""


class CodebookFileError(WorkbenchError):
    """A codebook file (.qdc) cannot be read."""


class ImportFileError(WorkbenchError):
    """A source file cannot be imported."""


class ProjectLockedError(ProjectFileError):
    """Another window or process has the project open for writing."""

    def __init__(self, message: str, *, holder: object = None, reason: str = "") -> None:
        super().__init__(message)
        self.holder = holder  # a writer_lock.Holder, when the lock file names one
        self.reason = reason or message  # the clause a read-only project shows: "it is open ..."


class ReadOnlyLocationError(ProjectFileError):
    """The project file, or its folder, cannot be written to."""


class ProjectReadOnlyError(ProjectFileError):
    """A change was attempted on a project that is open read-only; nothing was changed."""


class ProjectReplacedError(ProjectFileError):
    """The path no longer names the file this window opened (a sync tool or file manager put
    another file there); nothing more is written to either."""
