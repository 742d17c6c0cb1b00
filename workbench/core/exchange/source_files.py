"""The files a REFI-QDA package names for its sources: where a path points, and the text of a
source that comes only as a rich text (.docx, .odt, .rtf) or PDF file.

The standard names package files ``internal://file``; some tools write a bare file name
(``board_2017.txt``) instead, which we read from the package as long as it stays inside it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath

from workbench.core.exchange.safety import stays_inside


def package_member(path: str) -> tuple[str | None, bool]:
    """The file a source's path names inside the package (None: it points outside), and
    whether the path is standard (``internal://``) rather than a bare name."""
    scheme, separator, rest = path.partition("://")
    if not separator:
        return (path, False) if stays_inside(path) else (None, False)
    if scheme.lower() != "internal":
        return None, True
    return rest.lstrip("/"), True


def text_of_file(data: bytes, file_name: str) -> str:
    """The text of a packaged rich text or PDF file, read as an import would read it.

    Raises :class:`ImportFileError` with the reason when it cannot be read."""
    from workbench.core.importers.registry import read_source  # the readers load only if needed

    name = PurePosixPath(file_name.replace("\\", "/")).name or "source"
    with tempfile.TemporaryDirectory(prefix="workbench-qdpx-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_source(path).text
