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

from workbench.core.errors import NewerSchemaError, NotAProjectError, ProjectFileError
from workbench.core.model import Base, ProjectInfo, utc_now
from workbench.core.storage.file_header import read_header
from workbench.core.storage.schema_extras import create_extras
from workbench.core.storage.undo_log import (
    create_undo_log, newest_step, record_step, take_statements,
)

APPLICATION_ID = 0x43574231  # "CWB1": marks a SQLite file as a Coding Workbench project
SCHEMA_VERSION = 1
PROJECT_SUFFIX = ".cwb"  # default extension offered by file dialogs; any name works


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves (below), so the driver must not open transactions on its own.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
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

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

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
            raise ProjectFileError(f"{path}: cannot create the project ({_reason(error)}).") from None
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Project:
        """Open an existing project. A file that is not one of ours is never written to."""
        path = Path(path)
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
        engine = _make_engine(path)
        project = cls(path, engine)
        try:
            with project.reading() as session:
                if session.scalar(select(ProjectInfo.id)) is None:
                    raise NotAProjectError(f"{path} is damaged: it holds no project record.")
        except DBAPIError as error:
            engine.dispose()
            raise ProjectFileError(f"{path}: cannot be opened ({_reason(error)}).") from None
        except NotAProjectError:
            engine.dispose()
            raise
        return project

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- units of work ---------------------------------------------------------------------

    @contextmanager
    def transaction(self, label: str = "Change") -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.

        What it changed becomes one undo step named ``label`` (and forgets what could be redone).
        """
        with self._writer() as session:
            try:
                with session.begin():
                    # Inverses logged by a writer outside this API belong to no action: drop them.
                    session.connection().exec_driver_sql(
                        "DELETE FROM undo_statement WHERE step_id IS NULL")
                    yield session
                    session.flush()
                    record_step(session.connection(), label, "undo", clear_redo=True)
                    session.execute(update(ProjectInfo).values(modified_at=utc_now()))
            except DBAPIError as error:
                raise ProjectFileError(
                    f"{self.path}: the change could not be saved ({_reason(error)}); "
                    "the project is unchanged."
                ) from error

    def replay(self, direction: str) -> tuple[str, list[str]] | None:
        """Run the newest ``undo`` or ``redo`` step; its inverse becomes a step of the other kind.

        Returns the step's label and the statements run, or None when there is nothing to replay.
        """
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
                    record_step(connection, step[1], opposite, clear_redo=False)
                    session.execute(update(ProjectInfo).values(modified_at=utc_now()))
            except DBAPIError as error:
                raise ProjectFileError(
                    f"{self.path}: could not {direction} ({_reason(error)}); the project is unchanged."
                ) from error
        return step[1], statements

    def step_labels(self, direction: str) -> list[str]:
        """Labels of the steps that can be undone (or redone), newest first."""
        with self.reading() as session:
            return list(session.connection().exec_driver_sql(
                "SELECT label FROM undo_step WHERE direction = ? ORDER BY id DESC",
                (direction,)).scalars())

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A consistent view of the project (one read transaction); objects stay readable after."""
        with self._reader() as session:
            with session.begin():
                yield session

    @property
    def engine(self) -> Engine:
        return self._engine


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink()
        except FileNotFoundError:
            pass


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0] if str(original) else type(original).__name__
