"""Creating, opening and closing a project file, and the transaction every action runs in."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from workbench.core.errors import (
    NewerSchemaError, NotAProjectError, ProjectFileError, ProjectLockedError, ProjectReadOnlyError,
    ReadOnlyLocationError,
)
from workbench.core.model import Base, ProjectInfo, utc_now
from workbench.core.storage.file_header import SqliteHeader, read_header
from workbench.core.storage.migrations import SCHEMA_VERSION, fill_missing_layouts, upgrade_project
from workbench.core.storage.schema_extras import create_extras
from workbench.core.storage.undo_log import (
    JournalEntry, create_undo_log, newest_step, note_committed, record_step, step_journal,
    take_statements,
)
from workbench.core.storage.writer_lock import Holder, WriterLock

APPLICATION_ID = 0x43574231  # "CWB1": marks a SQLite file as a Coding Workbench project
PROJECT_SUFFIX = ".cwb"  # default extension offered by file dialogs; any name works


class Access(StrEnum):
    """How :meth:`Project.open` opens a project."""

    WRITE = "write"  # take the writer lock, or raise an error that says why not
    READ = "read"  # read-only, without the lock: never keeps anyone else from writing
    WRITE_OR_READ = "write-or-read"  # write if we may, else read-only saying why (the GUI)


READ_ONLY_BY_CHOICE = "it was opened for reading only"


def _make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        uri = _read_only_uri(path)
        engine = create_engine(f"sqlite:///{path}", future=True,
                               creator=lambda: sqlite3.connect(uri, uri=True))
    else:
        engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves (below), so the driver must not open transactions on its own.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")  # a second guard behind Project's refusal
        else:
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front so a transaction never fails half-way on a lock.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close it when done."""

    def __init__(self, path: Path, engine: Engine, *, lock: WriterLock | None = None,
                 read_only_reason: str | None = None) -> None:
        self.path = path
        self._engine = engine
        self._lock = lock
        # Why changes are refused ("it is open for writing by ..."); None: open for writing.
        self.read_only_reason = read_only_reason
        # Who left the stale writer lock this open cleared (they crashed), if anyone.
        self.stale_lock: Holder | None = lock.took_over if lock is not None else None
        # The copy taken on this open (None: none taken), and why a backup failed, if it did.
        self.backup: Path | None = None
        self.backup_warning: str | None = None
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        # Where the copy made before upgrading an older project file went (None: no upgrade).
        self.upgrade_backup: Path | None = None
        # Whom the change journal names as the author of each step (the login name by default).
        self.coder_name = Holder.me().user

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str | None = None) -> Project:
        """Create a new, empty project file. The file appears whole or not at all."""
        path = Path(path)
        if path.exists():
            raise ProjectFileError(f"{path} already exists; choose another name.")
        if not path.parent.is_dir():
            raise ProjectFileError(f"{path}: the folder {path.parent} does not exist.")
        scratch = path.with_name(f".{path.name}.creating")
        _remove_database(scratch)
        try:
            raw = sqlite3.connect(scratch)
            raw.execute("PRAGMA journal_mode = WAL")  # persistent; cannot run inside a transaction
            raw.close()
            engine = _make_engine(scratch)
            with engine.begin() as connection:
                Base.metadata.create_all(connection)
                create_extras(connection)
                create_undo_log(connection, Base.metadata)
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            with Session(engine.execution_options(sqlite_begin="IMMEDIATE")) as session:
                with session.begin():
                    session.add(ProjectInfo(name=name or path.stem))
            engine.dispose()
            os.replace(scratch, path)
        except (OSError, sqlite3.Error, DBAPIError) as error:
            _remove_database(scratch)
            raise ProjectFileError(
                f"{path}: cannot create the project ({failure_reason(error)}).") from None
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, access: Access | str = Access.WRITE,
             backups: int = 0, user: str | None = None) -> Project:
        """Open an existing project. A file that is not one of ours is never written to.

        ``access`` says what to do when the project cannot be written (open in another window
        or process, or in a read-only place): raise (WRITE, the default), or open it read-only
        with :attr:`read_only_reason` saying why. ``backups``: keep that many copies, one
        taken on each open for writing (0: none; the GUI and CLI pass the user's choice).
        ``user`` is the name the writer lock shows to others (default: the login name).
        """
        path = Path(path)
        header = cls._check_header(path)
        lock, reason = _take_lock(path, Access(access), user)
        try:
            upgrade_backup = None
            if header.user_version < SCHEMA_VERSION:
                upgrade_backup = _upgrade(path, header.user_version, lock, reason, user)
            project = cls._connect(path, lock, reason)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        project.upgrade_backup = upgrade_backup
        if lock is not None and backups > 0:
            from workbench.core.storage.backups import backup_on_open

            project.backup, project.backup_warning = backup_on_open(path, backups)
        return project

    @staticmethod
    def _check_header(path: Path) -> SqliteHeader:
        header = read_header(path)
        if header.application_id != APPLICATION_ID:
            raise NotAProjectError(
                f"{path} is a database of another program, not a Coding Workbench project."
            )
        if header.user_version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{path} was made by a newer Coding Workbench (project format {header.user_version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update Coding Workbench to open it."
            )
        if header.user_version < 1:
            raise NotAProjectError(f"{path} is not a complete Coding Workbench project.")
        return header

    @classmethod
    def _connect(cls, path: Path, lock: WriterLock | None, reason: str | None) -> Project:
        engine = _make_engine(path, read_only=lock is None)
        project = cls(path, engine, lock=lock, read_only_reason=reason)
        try:
            with project.reading() as session:
                if session.scalar(select(ProjectInfo.id)) is None:
                    raise NotAProjectError(f"{path} is damaged: it holds no project record.")
        except NotAProjectError:
            engine.dispose()
            raise
        except ProjectFileError as error:  # reading() met a page SQLite cannot read
            engine.dispose()
            reason = failure_reason(error.__cause__ or error)
            raise ProjectFileError(f"{path}: cannot be opened ({reason}).") from None
        return project

    def close(self) -> None:
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def _refuse_if_read_only(self) -> None:
        if self.read_only_reason is not None:
            raise ProjectReadOnlyError(
                f"{self.path.name} is open read-only because {self.read_only_reason}; "
                "your change was not made.")

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- units of work ---------------------------------------------------------------------

    @contextmanager
    def transaction(self, label: str = "Change") -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.

        What it changed becomes one undo step named ``label`` (and forgets what could be redone).
        A read-only project refuses with :class:`ProjectReadOnlyError` before anything runs.
        """
        self._refuse_if_read_only()
        with self._writer() as session:
            try:
                with session.begin():
                    # Inverses logged by a writer outside this API belong to no action: drop them.
                    session.connection().exec_driver_sql(
                        "DELETE FROM undo_statement WHERE step_id IS NULL")
                    yield session
                    session.flush()
                    step = record_step(session.connection(), label, "undo", clear_redo=True,
                                       coder=self.coder_name)
                    entries = [] if step is None else step_journal(session.connection(), step)
                    session.execute(update(ProjectInfo).values(modified_at=utc_now()))
                note_committed(entries)  # what the action's change record is read from
            except DBAPIError as error:
                raise ProjectFileError(
                    f"{self.path}: the change could not be saved ({failure_reason(error)}); "
                    "the project is unchanged."
                ) from error

    def replay(self, direction: str) -> tuple[str, list[JournalEntry]] | None:
        """Run the newest ``undo`` or ``redo`` step; its inverse becomes a step of the other kind.

        Returns the step's label and the row changes the replay made (read from the journal), or
        None when there is nothing to replay.
        """
        self._refuse_if_read_only()
        opposite = "redo" if direction == "undo" else "undo"
        with self._writer() as session:
            try:
                with session.begin():
                    connection = session.connection()
                    # A step may re-insert children before their parent; check keys at commit.
                    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                    step = newest_step(connection, direction)
                    if step is None:
                        return None
                    statements = take_statements(connection, step[0])
                    for statement in statements:
                        connection.exec_driver_sql(statement)
                    # Steps logged before format 2 bring documents back without their layout.
                    fill_missing_layouts(connection.connection.driver_connection)
                    recorded = record_step(connection, step[1], opposite, clear_redo=False,
                                           coder=self.coder_name)
                    changes = [] if recorded is None else step_journal(connection, recorded)
                    session.execute(update(ProjectInfo).values(modified_at=utc_now()))
            except DBAPIError as error:
                raise ProjectFileError(
                    f"{self.path}: could not {direction} ({failure_reason(error)}); "
                    "the project is unchanged."
                ) from error
        return step[1], changes

    def step_labels(self, direction: str) -> list[str]:
        """Labels of the steps that can be undone (or redone), newest first."""
        with self.reading() as session:
            return list(session.connection().exec_driver_sql(
                "SELECT label FROM undo_step WHERE direction = ? ORDER BY id DESC",
                (direction,)).scalars())

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A consistent view of the project (one read transaction); objects stay readable after.

        A page SQLite cannot read (a damaged file) becomes a :class:`ProjectFileError` naming the
        file, instead of a driver error; nothing is written either way.
        """
        try:
            with self._reader() as session:
                with session.begin():
                    yield session
        except DBAPIError as error:
            raise ProjectFileError(
                f"{self.path}: cannot be read ({failure_reason(error)}). Run 'workbench check' on it, "
                "or restore a backup.") from error

    @property
    def engine(self) -> Engine:
        return self._engine


def _take_lock(path: Path, access: Access,
               user: str | None) -> tuple[WriterLock | None, str | None]:
    """The writer lock, or (for a read-only open) None and why the project is read-only."""
    if access is Access.READ:
        return None, READ_ONLY_BY_CHOICE
    try:
        if not os.access(path, os.W_OK):
            raise ReadOnlyLocationError(f"{path}: the file is read-only")
        return WriterLock.acquire(path, user=user), None
    except ProjectLockedError as error:
        if access is Access.WRITE:
            raise
        return None, error.reason
    except ReadOnlyLocationError as error:
        if access is Access.WRITE:
            raise ReadOnlyLocationError(f"{error}; it can only be opened read-only.") from None
        return None, _location_reason(path)


def _location_reason(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return "the file cannot be written to"
    return f"its folder {path.parent} cannot be written to"


def _upgrade(path: Path, version: int, lock: WriterLock | None, reason: str | None,
             user: str | None) -> Path:
    """Upgrade an older project file; that needs the writer lock, if only for the upgrade."""
    if lock is not None:
        return upgrade_project(path, version)
    refusal = ProjectFileError(
        f"{path.name} is in an older project format and must be upgraded before it can be read, "
        f"which needs it open for writing, but {reason}. Close it in the other window or "
        "program (or copy it to a folder you can write to) and open it again.")
    if reason != READ_ONLY_BY_CHOICE:
        raise refusal
    try:
        lock = WriterLock.acquire(path, user=user)
    except (ProjectLockedError, ReadOnlyLocationError) as error:
        reason = getattr(error, "reason", "") or _location_reason(path)
        raise ProjectFileError(str(refusal).replace(READ_ONLY_BY_CHOICE, reason)) from None
    try:
        return upgrade_project(path, version)
    finally:
        lock.release()


def _read_only_uri(path: Path) -> str:
    """Open read-only. A WAL database needs its ``-shm`` index; where the folder is read-only and
    no write-ahead log exists, nobody can be writing, so the file is read as immutable."""
    uri = path.resolve().as_uri()
    wal = Path(f"{path}-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    if not has_log and not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        return f"{uri}?immutable=1"
    return f"{uri}?mode=ro"


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink()
        except FileNotFoundError:
            pass


def failure_reason(error: BaseException) -> str:
    """Why a file operation failed, in plain words where SQLite's own are cryptic."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None  # the extended code's base
    if primary == sqlite3.SQLITE_FULL or getattr(original, "errno", None) == errno.ENOSPC:
        return "there is not enough space on the disk"
    plain = {
        sqlite3.SQLITE_CORRUPT: "the file is damaged",
        sqlite3.SQLITE_NOTADB: "the file is damaged or is not a project",
        sqlite3.SQLITE_IOERR: "the disk could not be read or written",
    }.get(primary or 0)
    if plain:
        return plain
    return str(original).splitlines()[0] if str(original) else type(original).__name__
