"""The project file: one SQLite database per project."""

from workbench.core.storage.project_file import (
    APPLICATION_ID,
    PROJECT_SUFFIX,
    SCHEMA_VERSION,
    Project,
)

__all__ = ["APPLICATION_ID", "PROJECT_SUFFIX", "SCHEMA_VERSION", "Project"]
