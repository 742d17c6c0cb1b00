"""Creating, opening and closing a project file, and the transaction every action runs in."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from workbench.core.errors import (
    NewerSchemaError,
    NotAProjectError,
    ProjectFileError,
    ProjectReadOnlyError,
    ProjectReplacedError,
)
from workbench.core.leftovers import held_scratch
from workbench.core.model import ProjectInfo, utc_now
from workbench.core.storage import private_copy
from workbench.core.storage.access import (  # noqa: F401 - also imported from here
    READ_ONLY_BY_CHOICE,
    RESTORE_HINT,
    Access,
    copy_to_read,
    take_lock,
)
from workbench.core.storage.empty_schema import empty_project_image
from workbench.core.storage.failures import failure_reason
from workbench.core.storage.file_header import APPLICATION_ID, SqliteHeader, read_header
from workbench.core.storage.file_identity import FileIdentity
from workbench.core.storage.migrations import SCHEMA_VERSION, fill_missing_layouts, upgrade_project
from workbench.core.storage.undo_log import (
    JournalEntry,
    newest_step,
    note_committed,
    record_step,
    step_journal,
    take_statements,
)
from workbench.core.storage.writer_lock import Holder, WriterLock

PROJECT_SUFFIX = ".cwb"  # default extension offered by file dialogs; any name works


def _make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        uri = private_copy.read_only_uri(path)
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
            # In WAL mode NORMAL keeps the file consistent through any crash and skips the
            # commit's own disk sync; what makes an action durable is the fold after it
            # (fold_log), whose checkpoint syncs the log and then the file before the action
            # returns: three disk syncs an action instead of four.
            cursor.execute("PRAGMA synchronous = NORMAL")
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
                 read_only_reason: str | None = None, copy: Path | None = None) -> None:
        self.path = path
        self._engine = engine
        self._lock = lock
        # The private copy read instead of the file (see private_copy), if any.
        self._copy = copy
        # The file this writer opened: every write first checks the path still names it.
        self._identity = FileIdentity.of(path) if lock is not None else None
        self.replaced = False  # the path came to name another file (see check_file)
        self._batch_depth = 0  # inside batch(): the log is folded once, at its end
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
        # Where the copy made before upgrading an older project file went (None: no upgrade),
        # and the format it was upgraded from.
        self.upgrade_backup: Path | None = None
        self.upgraded_from: int | None = None
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
            # Held while made: whoever next creates a project here removes it only if we die.
            with held_scratch(scratch):
                scratch.write_bytes(empty_project_image())
                raw = sqlite3.connect(scratch)
                raw.execute("PRAGMA journal_mode = WAL")  # persistent; not inside a transaction
                raw.close()
                engine = _make_engine(scratch)
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
        lock, reason = take_lock(path, Access(access), user)
        copy = None
        try:
            upgrade_backup = None
            if lock is None:  # reading never changes the file: where it would, read a copy
                copy = copy_to_read(path, header.user_version)
            elif header.user_version < SCHEMA_VERSION:
                upgrade_backup = upgrade_project(path, header.user_version)
            project = cls._connect(path, lock, reason, copy)
        except BaseException:
            if lock is not None:
                lock.release()
            if copy is not None:
                private_copy.discard(copy)
            raise
        project.upgrade_backup = upgrade_backup
        project.upgraded_from = header.user_version if upgrade_backup else None
        if lock is not None and backups > 0:
            from workbench.core.storage.backups import backup_on_open

            project.backup, project.backup_warning = backup_on_open(path, backups)
            project._identity = FileIdentity.of(path)  # the copy only read it; to be sure
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
                f"{path} was made by a newer Coding Workbench "
                f"(project format {header.user_version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update Coding Workbench to open it."
            )
        if header.user_version < 1:
            raise NotAProjectError(f"{path} is not a complete Coding Workbench project.")
        return header

    @classmethod
    def _connect(cls, path: Path, lock: WriterLock | None, reason: str | None,
                 copy: Path | None = None) -> Project:
        engine = _make_engine(copy or path, read_only=lock is None)
        project = cls(path, engine, lock=lock, read_only_reason=reason, copy=copy)
        try:
            with project.reading() as session:
                if session.scalar(select(ProjectInfo.id)) is None:
                    raise NotAProjectError(f"{path} is damaged: it holds no project record. "
                                           f"{RESTORE_HINT.format(path=path)}")
        except NotAProjectError:
            engine.dispose()
            raise
        except ProjectFileError as error:  # reading() met a page SQLite cannot read
            engine.dispose()
            reason = failure_reason(error.__cause__ or error)
            hint = f" {RESTORE_HINT.format(path=path)}" if "damaged" in reason else ""
            raise ProjectFileError(f"{path}: cannot be opened ({reason}).{hint}") from None
        if lock is not None:
            project.fold_log()  # whatever a crashed writer committed goes into the file now
        return project

    def close(self) -> None:
        if self._lock is not None and not self.replaced:
            self.fold_log()
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
        if self._copy is not None:
            private_copy.discard(self._copy)
            self._copy = None

    def check_file(self) -> None:
        """Raise :class:`ProjectReplacedError` if the path no longer names the file we opened.

        Called before every write and when the window comes back into focus. Once it has been
        raised, this project writes nothing more (see :meth:`save_copy` to keep its state).
        """
        if self._identity is None or self.replaced:
            if self.replaced:
                raise ProjectReplacedError(self._replaced_message())
            return
        now = FileIdentity.of(self.path)
        if self._identity.unchanged(now):
            return
        self.replaced = True
        how = ("was replaced by another file" if not self._identity.same_file(now)
               else "was overwritten by another program")
        self.read_only_reason = f"the file {how} after it was opened here"
        raise ProjectReplacedError(self._replaced_message())

    def _replaced_message(self) -> str:
        reason = self.read_only_reason or ""
        return (f"{self.path.name} {reason.removeprefix('the file ')} (by a sync "
                "tool, a file manager or a copy); to keep both safe, nothing more is written to "
                "it from here and your change was not made. Save what this window holds as a "
                "new file, then open the file now at that place to compare.")

    def fold_log(self) -> None:
        """Copy what the write-ahead log holds into the project file and empty the log, so the
        file alone holds everything committed (a copy of it misses nothing).

        Never waits: a reader in the middle of a long read keeps its part of the log for now
        (the next action, or closing, folds it in). Inside :meth:`batch` only the last fold
        runs. Then notes the file's new size and time (SQLite may also have written the file
        itself, when the log grew long), unless the path came to name another file meanwhile.
        """
        if self._lock is None or self.replaced:
            return
        if not self._batch_depth:
            try:
                with self._engine.connect() as connection:
                    raw = connection.connection.driver_connection
                    assert raw is not None  # an open connection holds its sqlite3 connection
                    raw.execute("PRAGMA busy_timeout = 0")
                    try:
                        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                    finally:
                        raw.execute("PRAGMA busy_timeout = 5000")
            except (DBAPIError, sqlite3.Error):
                pass  # nothing is lost: the log still holds it, and the next fold tries again
        now = FileIdentity.of(self.path)
        if self._identity is not None and not self._identity.same_file(now):
            self.replaced = True  # noticed (and refused) by the next write's check
            self.read_only_reason = "the file was replaced by another file after it was opened here"
        else:
            self._identity = now

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many transactions that make one job (an import of many files): the log is folded
        into the file once, when the job ends, instead of after each (each costs a disk sync)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            self.fold_log()

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """Save the state this project holds as a new project file ``target`` (it must not
        exist); works after the file was replaced, as the state is read from the open file."""
        from workbench.core.storage.project_copy import save_copy

        with self._engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None  # an open connection holds its sqlite3 connection
            return save_copy(raw, Path(target))

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
        self.check_file()
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
        self.fold_log()

    def replay(self, direction: str) -> tuple[str, list[JournalEntry]] | None:
        """Run the newest ``undo`` or ``redo`` step; its inverse becomes a step of the other kind.

        Returns the step's label and the row changes the replay made (read from the journal), or
        None when there is nothing to replay.
        """
        self._refuse_if_read_only()
        self.check_file()
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
                    raw = connection.connection.driver_connection
                    assert raw is not None  # an open connection holds its sqlite3 connection
                    fill_missing_layouts(raw)
                    recorded = record_step(connection, step[1], opposite, clear_redo=False,
                                           coder=self.coder_name)
                    changes = [] if recorded is None else step_journal(connection, recorded)
                    session.execute(update(ProjectInfo).values(modified_at=utc_now()))
            except DBAPIError as error:
                raise ProjectFileError(
                    f"{self.path}: could not {direction} ({failure_reason(error)}); "
                    "the project is unchanged."
                ) from error
        self.fold_log()
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
        except (DBAPIError, UnicodeDecodeError) as error:
            # Bit rot in the schema reaches Python as undecodable names (UnicodeDecodeError).
            raise ProjectFileError(
                f"{self.path}: cannot be read ({failure_reason(error)}). "
                f"{RESTORE_HINT.format(path=self.path)}") from error

    @property
    def engine(self) -> Engine:
        return self._engine


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink()
        except FileNotFoundError:
            pass
