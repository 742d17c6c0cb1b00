"""Opening a ``.qdpx`` (or a bare ``.qde``) we did not write, within firm limits.

The archive is checked by :class:`SafeZip` (entry count, unpacked size, zip bombs, passwords);
here we add the checks of a package that holds files: no entry may climb out of the folder
(absolute paths, ``..``, drive letters), and the project XML may declare no document type.
Nothing is ever unpacked to disk: members are read into memory by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from workbench.core.atomic_file import plain_reason
from workbench.core.codebooks.safe_xml import (
    UnsafeXmlError,
    declares_document_type,
    parse_xml_bytes,
)
from workbench.core.errors import ImportFileError
from workbench.core.importers.safe_zip import SafeZip, ZipLimits

QDPX_LIMITS = ZipLimits(entries=200_000, unpacked_bytes=4 * 1024 * 1024 * 1024)
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class Package:
    """The project XML and a way to read the files it names (case-insensitively)."""

    name: str
    root: etree._Element
    _archive: SafeZip | None = None
    _folder: Path | None = None
    _members: dict[str, str] = field(default_factory=dict)  # lower-case file name -> member

    def read_internal(self, file_name: str) -> bytes | None:
        """The bytes of ``internal://file_name`` from any folder of the package, or None."""
        wanted = PurePosixPath(file_name.replace("\\", "/")).name.lower()
        if self._archive is not None:
            member = self._members.get(wanted)
            return None if member is None else self._archive.read(member)
        if self._folder is not None:
            for folder in (self._folder, *(p for p in self._folder.iterdir() if p.is_dir())):
                for candidate in folder.iterdir():
                    if candidate.is_file() and candidate.name.lower() == wanted:
                        return candidate.read_bytes()
        return None


def open_package(path: Path) -> Package:
    """Open ``path`` (a ``.qdpx`` zip or a bare ``.qde``); refuse anything unsafe, clearly."""
    if path.exists() and not path.is_file():  # a named pipe would never end
        raise ImportFileError(f"{path}: is not a file (a folder, a named pipe or a device).")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file.") from None
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be read ({plain_reason(error)}).") from None
    if data[:2] == b"PK":
        return _open_zip(path, data)
    if path.suffix.lower() == ".qdpx":  # named a package but not a zip: damaged, or mislabelled
        raise ImportFileError(f"{path.name}: is not a REFI-QDA package: a .qdpx is a zip file, "
                              "and this one is not (it is damaged, or something else renamed).")
    return Package(path.name, _parse(path.name, None, data), _folder=path.parent)


def _open_zip(path: Path, data: bytes) -> Package:
    archive = SafeZip(data, path.name, "a REFI-QDA project (.qdpx)", QDPX_LIMITS)
    names = sorted(archive.names)
    for name in names:
        _check_member_name(path.name, name)
    qde = [name for name in names if "/" not in name.rstrip("/") and name.lower().endswith(".qde")]
    if not qde:
        raise ImportFileError(f"{path.name}: is not a REFI-QDA project: it holds no project.qde.")
    if len(qde) > 1:
        preferred = [name for name in qde if name.lower() == "project.qde"]
        if len(preferred) != 1:
            raise ImportFileError(
                f"{path.name}: holds {len(qde)} project files ({', '.join(qde)}); expected one.")
        qde = preferred
    root = _parse(path.name, qde[0], archive.read(qde[0]))
    members = {PurePosixPath(name).name.lower(): name for name in names
               if not name.endswith("/") and name != qde[0]}
    return Package(path.name, root, archive, _members=members)


def stays_inside(name: str) -> bool:
    """Whether a relative path (an entry, or a source named by bare path) stays in the package:
    not absolute, no drive letter, no ``..``."""
    normal = name.replace("\\", "/")
    return not (normal.startswith("/") or _DRIVE.match(normal)
                or ".." in PurePosixPath(normal).parts)


def _check_member_name(package: str, name: str) -> None:
    if not stays_inside(name):
        raise ImportFileError(
            f"{package}: is refused for safety: its entry '{name}' points outside the project "
            "folder (a 'zip slip' path).")


def _parse(package: str, part: str | None, data: bytes) -> etree._Element:
    """Parse a package's ``part`` (None: the file is itself the project, a bare .qde)."""
    what = f"its {part}" if part else "it"
    if declares_document_type(data):
        raise ImportFileError(
            f"{package}: is refused for safety: {what} declares a document type or entities "
            "(the road to external entities and entity bombs), which no REFI-QDA file needs.")
    try:
        return parse_xml_bytes(data)
    except UnsafeXmlError as error:
        raise ImportFileError(f"{package}: {what} cannot be read safely: {error}.") from None
