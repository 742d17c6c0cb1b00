"""One writer per project: an operating-system lock on a small file beside the project.

The lock lives on an open descriptor of ``.<name>.lock`` for as long as the project is open, so
the operating system frees it when the holder exits or crashes: a lock never blocks forever. The
file's content says who holds it (user, host, process, since when), so a second opener can name
the holder. A lock file left behind with content but no lock on it was left by a crashed
process; the next opener takes it over and says so (:attr:`WriterLock.took_over`).

``flock`` locks belong to one open file description, so two opens of one project in the same
process conflict too (the same project in two windows). Where the file system refuses locks
(some network shares), we fall back to the content: a holder on this host whose process is
alive holds it; a holder on another host is taken at its word.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from workbench.core.errors import ProjectFileError, ProjectLockedError, ReadOnlyLocationError
from workbench.core.storage.file_identity import file_mode, real_path

log = logging.getLogger(__name__)

# sys.platform (not os.name) so that mypy checks only the branch of the platform it checks for.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory: lock one byte far past the content so it stays readable.
    _LOCK_OFFSET = 1 << 30

    def _try_lock(descriptor: int) -> None:
        os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            raise BlockingIOError(errno.EAGAIN, "locked") from error
        finally:
            os.lseek(descriptor, 0, os.SEEK_SET)
else:
    import fcntl

    def _try_lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a project's writer lock."""

    user: str
    host: str
    pid: int
    since: str  # local time, ISO format

    @classmethod
    def me(cls, user: str | None = None) -> Holder:
        return cls(user or _login_name(), socket.gethostname(), os.getpid(),
                   datetime.now().isoformat(timespec="seconds"))

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
        except (ValueError, KeyError, TypeError):
            return None

    def describe(self) -> str:
        """E.g. ``Lotte on host fieldlaptop since 14:02`` (this process: ``another window``)."""
        if self.host == socket.gethostname() and self.pid == os.getpid():
            return f"another window of this program (since {_when(self.since)})"
        return f"{self.user} on host {self.host} since {_when(self.since)}"

    def is_alive(self) -> bool:
        """Best guess without a lock: a process on this host must still run; trust other hosts."""
        if self.host != socket.gethostname():
            return True
        return _process_exists(self.pid)


def lock_path(project: Path) -> Path:
    """Beside the real file, whatever symlink or spelling of the path names it."""
    real = real_path(project)
    return real.with_name(f".{real.name}.lock")


class WriterLock:
    """The held writer lock of one project. :meth:`acquire` it; :meth:`release` when closing."""

    def __init__(self, path: Path, descriptor: int, *, took_over: Holder | None,
                 os_lock: bool) -> None:
        self.path = path
        self._descriptor: int | None = descriptor
        self._identity: int | None = None  # see _lock_identity
        self.took_over = took_over  # the crashed holder whose stale lock we cleared, if any
        self.os_lock = os_lock  # False: the file system refused locks; content-only fallback

    @classmethod
    def acquire(cls, project: Path, *, user: str | None = None) -> WriterLock:
        """Take the lock or raise :class:`ProjectLockedError` naming the holder.

        Raises :class:`ReadOnlyLocationError` when the lock file cannot be created there.
        """
        path = lock_path(project)
        for _attempt in range(5):
            descriptor = _open_lock_file(project, path)
            try:
                lock = cls._lock_open_file(project, path, descriptor, user)
            except BaseException:
                os.close(descriptor)
                raise
            if lock is not None:
                try:
                    lock._identity = _lock_identity(project)
                except BaseException:
                    lock.release()
                    raise
                return lock
            os.close(descriptor)  # the file was replaced while we locked it: try the new one
        raise ProjectLockedError(f"{project}: could not take the writer lock (it keeps changing).")

    @classmethod
    def _lock_open_file(cls, project: Path, path: Path, descriptor: int,
                        user: str | None) -> WriterLock | None:
        os_lock = True
        try:
            _try_lock(descriptor)
        except BlockingIOError:
            raise _locked_error(project, _read_holder(descriptor)) from None
        except OSError as error:  # e.g. ENOLCK/EOPNOTSUPP on a network share
            log.warning("%s: the file system refuses locks (%s); checking the holder instead",
                        project, error.strerror)
            os_lock = False
            holder = _read_holder(descriptor)
            if holder is not None and holder.is_alive():
                raise _locked_error(project, holder) from None
        if not _same_file(descriptor, path):
            return None
        previous = _read_holder(descriptor)
        if previous is not None:  # the caller tells the user (took_over): only a debug note here
            log.info("%s: cleared a stale writer lock left by %s (pid %s)",
                        project, previous.describe(), previous.pid)
        _write_holder(descriptor, Holder.me(user))
        return cls(path, descriptor, took_over=previous, os_lock=os_lock)

    def release(self) -> None:
        """Remove the lock file, then let go of the lock (in that order: see :func:`_same_file`)."""
        if self._descriptor is None:
            return
        if self._identity is not None:
            os.close(self._identity)
            self._identity = None
        descriptor, self._descriptor = self._descriptor, None
        if os.name == "nt":  # pragma: no cover - an open file cannot be removed on Windows
            os.close(descriptor)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(descriptor)

    @property
    def held(self) -> bool:
        return self._descriptor is not None


def read_holder(project: Path) -> Holder | None:
    """Who the lock file names (None: no lock file, or an empty one)."""
    try:
        return Holder.parse(lock_path(project).read_text(encoding="utf-8"))
    except OSError:
        return None


# -- helpers -----------------------------------------------------------------------------------


def _lock_identity(project: Path) -> int | None:
    """Lock the project file itself, which every name of it shares (a second hard link too).

    The named lock file says who holds it; this lock catches another name for the same file.
    ``flock`` locks do not mix with SQLite's own (``fcntl``) locks on Linux and macOS. The
    descriptor stays open until the project is closed (closing it earlier would drop the
    ``fcntl`` locks SQLite holds on the file in this process).
    """
    if os.name == "nt":  # pragma: no cover - Windows has no hard links to speak of here
        return None
    try:
        descriptor = os.open(project, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None  # unreadable: opening the project will say so
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise ProjectLockedError(
            f"{project.name} is open for writing under another name (a link to the same file); "
            "close it there and try again",
            reason="it is open for writing under another name (a link to the same file)",
        ) from None
    except OSError:  # no locks on this file system: the named lock file must do
        pass
    return descriptor


def _open_lock_file(project: Path, path: Path, *, retry: bool = True) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, file_mode(project))
    except OSError as error:
        if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise ProjectFileError(f"{project}: cannot take the writer lock "
                                   f"({error.strerror}).") from None
        if retry and error.errno != errno.EROFS and path.exists():
            _clear_foreign_lock(project, path)  # a colleague's file on a shared folder
            return _open_lock_file(project, path, retry=False)
        raise ReadOnlyLocationError(
            f"{project}: the folder {project.parent} cannot be written to") from None


def _clear_foreign_lock(project: Path, path: Path) -> None:
    """A lock file we may not write (another user's): held means locked; free means stale."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        raise ReadOnlyLocationError(
            f"{project}: its lock file {path.name} cannot be read") from None
    try:
        try:
            _try_lock(descriptor)
        except BlockingIOError:
            raise _locked_error(project, _read_holder(descriptor)) from None
        except OSError:  # no locks on this file system: the content decides
            holder = _read_holder(descriptor)
            if holder is not None and holder.is_alive():
                raise _locked_error(project, holder) from None
        path.unlink()  # while we hold it: see _same_file
    except OSError:
        raise ReadOnlyLocationError(
            f"{project}: the folder {project.parent} cannot be written to") from None
    finally:
        os.close(descriptor)


def _same_file(descriptor: int, path: Path) -> bool:
    """Whether ``path`` still names the file we locked.

    A closing holder removes the lock file before unlocking it; whoever locked the removed file
    in between must start again on the new one, or two openers would both think they hold it.
    """
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


def _read_holder(descriptor: int) -> Holder | None:
    os.lseek(descriptor, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(descriptor, 4096):
        chunks.append(chunk)
        if sum(map(len, chunks)) > 64_000:
            break
    return Holder.parse(b"".join(chunks).decode("utf-8", errors="replace"))


def _write_holder(descriptor: int, holder: Holder) -> None:
    """Say who holds the lock. Only a courtesy: the lock holds even if this fails (disk full)."""
    try:
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, json.dumps(asdict(holder)).encode("utf-8"))
    except OSError as error:
        log.warning("could not note who holds the writer lock: %s", error.strerror)


def _locked_error(project: Path, holder: Holder | None) -> ProjectLockedError:
    who = holder.describe() if holder is not None else "another program"
    return ProjectLockedError(
        f"{project.name} is open for writing by {who}; close it there and try again",
        holder=holder, reason=f"it is open for writing by {who}")


def _process_exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover
        return True  # no cheap check: take the holder at its word
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user
    return True


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "someone"


def _when(since: str) -> str:
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        return since
    if moment.date() == datetime.now().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")
