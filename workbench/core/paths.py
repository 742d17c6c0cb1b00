"""Where the bundled data lives, both in a clone and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import WorkbenchError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """Return a bundled top-level folder (``codebooks``, ``resources``, ``sample_projects``).

    A wheel carries them under ``workbench/_data/``; a clone (or an editable install) has them
    beside the package at the top of the repository.
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise WorkbenchError(f"The bundled folder '{name}' is missing from this installation.")


def schema_path(name: str) -> Path:
    """Path of a vendored REFI-QDA schema, e.g. ``Codebook.xsd``."""
    return bundled_dir("resources") / "refi-qda" / name
