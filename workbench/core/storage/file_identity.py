"""Which file a project is, beyond its name: identity, regular-file checks, private modes.

A path is only a name. A sync tool or a file manager may put another file under the same name
while a window holds the project (``os.replace``, or ``cp other.cwb study.cwb`` in place); a
symlink or a second hard link gives one file two names. The writer therefore remembers the
file it opened by device and inode (and, as it alone writes the file, the size and time of its
own last write) and checks them before each write transaction.

Files made beside a project (backups, upgrade copies, the lock, scratch files) hold the same
data or name who works on it: they get the project file's permissions, never wider, in a
folder no wider than the project's own.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import NotAProjectError, ProjectFileError


@dataclass(frozen=True)
class FileIdentity:
    device: int
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        """The identity of the file ``path`` names now (None: nothing there)."""
        try:
            found = os.stat(path)
        except OSError:
            return None
        return cls(found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)

    def same_file(self, other: FileIdentity | None) -> bool:
        return other is not None and (self.device, self.inode) == (other.device, other.inode)

    def unchanged(self, other: FileIdentity | None) -> bool:
        return self == other


def real_path(path: Path) -> Path:
    """The path with every symlink and ``..`` resolved: the one name a file's lock is keyed on."""
    try:
        return Path(os.path.realpath(path))
    except OSError:
        return path.absolute()


def refuse_if_not_regular(path: Path) -> None:
    """A FIFO, a device or a socket is no project: opening one could hang or read forever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: the caller's own open says so in its words
    if stat.S_ISDIR(mode):
        raise ProjectFileError(f"{path}: is a folder, not a project file.")
    if not stat.S_ISREG(mode):
        raise NotAProjectError(f"{path} is not a project file (it is a {_kind(mode)}).")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def file_mode(project: Path) -> int:
    """The permission bits files beside ``project`` get: the project's own (read/write only)."""
    try:
        return stat.S_IMODE(os.stat(project).st_mode) & 0o666
    except OSError:
        return 0o600


def folder_mode(project: Path) -> int:
    """A folder for copies of ``project``: searchable where the file is readable, and no wider
    than the folder the project is in."""
    bits = file_mode(project)
    bits |= (bits & 0o444) >> 2  # r -> also x
    try:
        parent = stat.S_IMODE(os.stat(real_path(project).parent).st_mode)
    except OSError:
        parent = 0o700
    return bits & parent | 0o700


def make_private_folder(folder: Path, project: Path) -> None:
    """Create ``folder`` (if missing) for copies of ``project``, no wider than it should be."""
    mode = folder_mode(project)
    folder.mkdir(mode=mode, exist_ok=True)
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.stat(folder).st_mode)
        if current & ~mode:
            os.chmod(folder, current & mode)


def create_private_file(path: Path, project: Path) -> None:
    """Create ``path`` empty with the project's permissions; fails if anything is there."""
    mode = file_mode(project)
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
    try:
        os.fchmod(descriptor, mode)  # the umask may only have narrowed it; make it exact
    finally:
        os.close(descriptor)


def narrow_to(path: Path, project: Path) -> None:
    """Give an existing file the project's permissions (if they are narrower than its own)."""
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.stat(path).st_mode)
        wanted = current & file_mode(project)
        if wanted != current:
            os.chmod(path, wanted)
